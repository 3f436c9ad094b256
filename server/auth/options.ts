import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { AuthOptions } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import EmailProvider from 'next-auth/providers/email';
import { getDb } from '@/db/client';
import { linkRegistrations } from '@/db/queries/identity';
import { ensureAdminIfListed } from '@/db/queries/roles';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { config, publicUrl } from '@/lib/config';
import { emailSchema } from '@/lib/validation';
import { logger } from '@/lib/logger';
import { rateLimiter } from '../http/rate-limit';
import { sendMail } from '../mail';
import { realtimeHooks } from '../realtime-hooks';

const DEV_SECRET = 'chemins-development-secret-not-for-production';

const g = globalThis as unknown as { __cheminsAuth?: Promise<AuthOptions> };

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
          const host = new URL(url).host;
          await sendMail({
            to: identifier,
            subject: `Connexion à Chemins (${host})`,
            text:
              `Bonjour,\n\nPour vous connecter à Chemins, ouvrez ce lien (valable 30 minutes) :\n${url}\n\n` +
              `Si vous n’avez rien demandé, ignorez ce message.\n\n— \nSign in to Chemins: ${url}\n`,
          });
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
