import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EraseAccount } from '@/components/privacy/EraseAccount';
import { type PersonRef, personSummary } from '@/db/queries/my-data';
import { currentLinkRegistrationId, currentUser } from '@/server/auth/current';
import { Section } from '@/components/Section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('privacy.me'))('title'), robots: { index: false } };
}

/**
 * The person's own data (docs/privacy.md): download it all (GET /api/me/data) and delete the
 * account (POST /api/me/erase, after a confirmation step). The signed-in account, else the
 * registrant whose personal link this browser opened.
 */
export default async function MyDataPage() {
  const t = await getTranslations('privacy.me');
  const [user, linkRegistrationId] = await Promise.all([currentUser(), currentLinkRegistrationId()]);
  const ref: PersonRef | null = user ? { userId: user.id } : linkRegistrationId ? { registrationId: linkRegistrationId } : null;
  const who = ref ? await personSummary(ref) : null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {!who ? (
        <p>{t('signedOut')}</p>
      ) : (
        <>
          <p>{t('intro')}</p>
          <p data-testid="my-data-who">{t('who', { name: who.name, email: who.email })}</p>
          <Section headingId="download" title={t('downloadTitle')} headingClassName="text-xl font-semibold" className="space-y-2">
            <p className="text-sm text-stone-700">{t('downloadHelp')}</p>
            <a href="/api/me/data" download className="inline-block rounded bg-brand px-4 py-2 text-white no-underline">
              {t('download')}
            </a>
          </Section>
          <Section headingId="delete" title={t('deleteTitle')} headingClassName="text-xl font-semibold" className="space-y-2 border-t border-stone-200 pt-4">
            <p className="text-sm text-stone-700">{t('deleteHelp')}</p>
            <EraseAccount />
          </Section>
        </>
      )}
    </div>
  );
}
