import { AsyncLocalStorage } from 'node:async_hooks';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { AuthOptions } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import EmailProvider from 'next-auth/providers/email';
import { getDb } from '@/db/client';
import { linkRegistrations } from '@/db/queries/identity';
import { ensureAdminIfListed } from '@/db/queries/roles';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { config, publicUrl } from '@/lib/config';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n';
import { emailSchema } from '@/lib/validation';
import { logger } from '@/lib/logger';
import { rateLimiter } from '../http/rate-limit';
import { mailTranslator, sendMail } from '@/server/mail/transport';
import { realtimeHooks } from '@/server/realtime/hooks';

const DEV_SECRET = 'chemins-development-secret-not-for-production';

const g = globalThis as unknown as { __cheminsAuth?: Promise<AuthOptions>; __cheminsAuthLocale?: AsyncLocalStorage<Locale> };

/**
 * The language of the request being handled by next-auth (set by its route, app/api/auth): the
 * sign-in mail goes out in it, as next-auth v4 does not give `sendVerificationRequest` the request.
 * On globalThis: the route and these options may be loaded by the two module graphs.
 */
export function authRequestLocale(): AsyncLocalStorage<Locale> {
  g.__cheminsAuthLocale ??= new AsyncLocalStorage<Locale>();
  return g.__cheminsAuthLocale;
}

async function build(): Promise<AuthOptions> {
  const db = await getDb();
  const c = config();
  process.env.NEXTAUTH_URL ??= publicUrl();
  return {
    // @auth/drizzle-adapter is typed against @auth/core; next-auth v4 accepts it at run time.
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }) as unknown as Adapter,
    session: { strategy: 'database', maxAge: 30 * 24 * 3600 },
    secret: c.NEXTAUTH_SECRET ?? DEV_SECRET,
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
    providers: [
      EmailProvider({
        maxAge: 30 * 60,
        // Refuse malformed addresses before any token is stored or any mail sent.
        normalizeIdentifier(identifier) {
          const parsed = emailSchema.safeParse(identifier);
          if (!parsed.success) throw new Error('Invalid e-mail address');
          return parsed.data;
        },
        async sendVerificationRequest({ identifier, url }) {
          // Sign-in links count in the per-e-mail limit of what sends a mail (the per-address one
          // is counted by the request guard); past it, next-auth shows its sign-in error.
          if ((await rateLimiter().hit('mailPerEmail', identifier)) !== null) throw new Error('Too many sign-in links for this address');
          const t = mailTranslator(authRequestLocale().getStore() ?? DEFAULT_LOCALE);
          await sendMail({ to: identifier, subject: t('signInSubject', { host: new URL(url).host }), text: `${t('signInBody', { url })}\n` });
        },
      }),
    ],
    callbacks: {
      session({ session, user }) {
        if (session.user && user) (session.user as { id?: string }).id = user.id;
        return session;
      },
    },
    events: {
      async signIn({ user }) {
        if (user.email) await ensureAdminIfListed(user.id, user.email, c.ADMIN_EMAILS);
        // One person, one identity (docs/architecture.md): the registrations made with this (now
        // verified) e-mail are the account's; the person's connections opened by personal link follow.
        const registrationIds = await linkRegistrations(user.id);
        await realtimeHooks()
          ?.linked(user.id, registrationIds)
          .catch((err) => logger().warn({ err }, 'could not move personal-link connections to the account'));
      },
    },
  };
}

/** next-auth options, built once per process (the adapter needs the opened database). */
export function authOptions(): Promise<AuthOptions> {
  g.__cheminsAuth ??= build();
  return g.__cheminsAuth;
}

export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];
