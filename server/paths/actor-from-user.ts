import { getDb } from '@/db/client';
import { userNameOf } from '@/db/queries/resources/people';
import type { ResourceActor } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';

/** Who acts on resources, from their user id: their name, else the e-mail's local part (as revisions keep it). */
export async function actorFromUser(userId: string): Promise<ResourceActor> {
  const u = await userNameOf(await getDb(), userId);
  if (!u) throw new DomainError(401, 'unauthenticated', 'Sign in first.');
  return { userId, name: u.name ?? u.email.split('@')[0]! };
}
