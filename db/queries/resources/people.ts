import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { users } from '../../schema';

// Who acts on resources.

/** A user's name and e-mail address, or undefined. */
export async function userNameOf(q: Db | Tx, userId: string): Promise<{ name: string | null; email: string } | undefined> {
  const [u] = await q.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return u;
}
