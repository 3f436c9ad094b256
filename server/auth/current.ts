import { getServerSession } from 'next-auth';
import { authOptions } from './options';

export type CurrentUser = { id: string; name: string | null; email: string };

/** The signed-in user of this request (server components and route handlers), or null. */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(await authOptions());
  const u = session?.user as { id?: string; name?: string | null; email?: string | null } | undefined;
  if (!u?.id || !u.email) return null;
  return { id: u.id, name: u.name ?? null, email: u.email };
}
