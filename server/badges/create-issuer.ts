import { randomUUID } from 'node:crypto';
import { insertAchievements } from '@/db/queries/badges/achievements';
import { insertIssuer, type Q } from '@/db/queries/badges/issuers';
import { badgeKeySecret } from '@/lib/config';
import { achievementImage } from '@/lib/badges/image';
import { BUILT_INS } from '@/lib/badges/issuers';
import { newIssuerKey } from '@/lib/badges/keys';

/** A new issuer, with its key and its built-in achievements; nothing when it exists already. */
export async function createIssuer(q: Q, values: { slug: string; name: string; eventId: string | null }): Promise<void> {
  const id = randomUUID();
  const key = await newIssuerKey(badgeKeySecret(), id);
  if (!(await insertIssuer(q, { id, ...values, ...key }))) return; // made meanwhile (or the slug is taken: see ensureEventIssuer)
  const defaults = BUILT_INS[values.eventId ? 'event' : 'platform'];
  await insertAchievements(
    q,
    defaults.map((a) => ({ ...a, issuerId: id, image: achievementImage(a.kind, a.name), minMinutes: a.minMinutes ?? null })),
  );
}
