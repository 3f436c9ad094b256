import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '@/components/LocaleSwitch';
import { SignOutButton } from '@/components/SignOutButton';
import { userMay } from '@/db/queries/grants';
import { currentParticipant, currentUser } from '@/server/auth/current';
import './globals.css';

// Every page reads the database or the session: render at request time, never at build time.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: { default: 'Chemins', template: '%s · Chemins' }, description: (await getTranslations('app'))('description') };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('nav');
  const tApp = await getTranslations('app');
  const tPrivacy = await getTranslations('privacy');
  const user = await currentUser();
  const admin = user ? await userMay(user.id, 'role.grant', {}) : false;
  // Without a sign-in, the registrant whose personal link this browser opened.
  const registrant = user ? null : await currentParticipant();
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:bg-white focus:p-2">
          {tApp('skip')}
        </a>
        <header className="border-b border-stone-200 bg-white">
          <nav className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3" aria-label={t('main')}>
            <Link href="/" className="text-lg font-bold text-brand no-underline">
              {tApp('name')}
            </Link>
            <span className="hidden text-sm text-stone-500 sm:inline">{tApp('tagline')}</span>
            <Link href="/paths" className="text-sm">
              {t('paths')}
            </Link>
            <Link href="/search" className="text-sm">
              {t('search')}
            </Link>
            <span className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm whitespace-nowrap">
              <LocaleSwitch locale={locale} label={t('language')} />
              {admin && <Link href="/admin">{t('admin')}</Link>}
              {user ? (
                <>
                  <span data-testid="signed-in-as" className="hidden max-w-[14rem] truncate sm:inline">
                    {t('signedInAs', { name: user.name ?? user.email })}
                  </span>
                  <Link href="/r">{t('myRegistration')}</Link>
                  <Link href="/badges">{t('badges')}</Link>
                  <SignOutButton label={t('signOut')} />
                </>
              ) : registrant ? (
                <>
                  <Link href="/r" data-testid="registrant-as" className="max-w-[14rem] truncate" title={t('myRegistration')}>
                    {t('registrantAs', { name: registrant.name })}
                  </Link>
                  <Link href="/badges">{t('badges')}</Link>
                </>
              ) : (
                <Link href="/signin">{t('signIn')}</Link>
              )}
            </span>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl border-t border-stone-200 px-4 py-4 text-sm">
          <Link href="/privacy">{tPrivacy('footerLink')}</Link>
        </footer>
      </body>
    </html>
  );
}
