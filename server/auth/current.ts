import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { identityFromJoinToken, identityFromLinkSession, registrationIdOfLinkSession, type Identity } from '@/db/queries/identity';
import { JOIN_COOKIE } from '@/lib/realtime/protocol';
import { authOptions } from './options';

export type CurrentUser = { id: string; name: string | null; email: string };

/**
 * The signed-in user of this request (server components and route handlers), or null. Looked up
 * once per rendered request (React `cache`): the layout and the page both ask.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(await authOptions());
  const u = session?.user as { id?: string; name?: string | null; email?: string | null } | undefined;
  if (!u?.id || !u.email) return null;
  return { id: u.id, name: u.name ?? null, email: u.email };
});

/**
 * Who is asking, for live features: the signed-in user, else the registrant whose personal link
 * this browser opened (`/r/{token}` or `/api/join` set the link cookie), else an
 * `Authorization: Bearer <join token>` header.
 */
export async function currentParticipant(req?: Request): Promise<Identity | null> {
  const auth = req?.headers.get('authorization');
  if (auth?.startsWith('Bearer ')) return identityFromJoinToken(auth.slice(7).trim());
  const user = await currentUser();
  if (user) return { kind: 'user', userId: user.id, name: user.name ?? user.email.split('@')[0]!, email: user.email };
  const link = (await cookies()).get(JOIN_COOKIE)?.value;
  return link ? identityFromLinkSession(link) : null;
}

/**
 * Who is asking, for what follows a person's address beyond one registration (badges, which are
 * issued to e-mail addresses): the signed-in user, or a registrant whose address is proven; an
 * unproven registrant acts for their registration alone (docs/security.md).
 */
export async function provenParticipant(req?: Request): Promise<Identity | null> {
  const who = await currentParticipant(req);
  return who && (who.kind === 'user' || who.proven) ? who : null;
}

/** The registration whose personal link this browser opened (active or cancelled), if any. */
export async function currentLinkRegistrationId(): Promise<string | null> {
  const link = (await cookies()).get(JOIN_COOKIE)?.value;
  return link ? registrationIdOfLinkSession(link) : null;
}

/** The signed-in user of a page only for them; anyone else goes to sign in and comes back to `back` (this page's path). */
export async function signedInUser(back: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  return user;
}
