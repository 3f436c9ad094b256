import { z } from 'zod';
import type { Identity } from '@/db/queries/identity';
import { getDb } from '@/db/client';
import { isOnPath } from '@/db/queries/resources/rows';
import type { LimitName } from '@/server/http/rate-limit';

// What the paths API routes share (they go through server/http/endpoint.ts).

export const rateKey = (who: { userId: string | null } | Identity): string =>
  who.userId ? `user:${who.userId}` : `registration:${'registrationId' in who ? who.registrationId : ''}`;

/** The rate limit of a signed-in write on paths: per person. */
export const pathWrite = ({ who }: { who: { id: string } }): [LimitName, string] => ['pathWritesPerPerson', `user:${who.id}`];

/** `{ path, resourceId }` of a resource on that path (else the route's 404, before anything else). */
export const resourceOnPathParams = z
  .object({ path: z.string(), resourceId: z.string() })
  .refine(({ path, resourceId }) => resourceOnPath(path, resourceId));

/** Whether the resource (by id) is on the path (by slug): resource routes under a path answer 404 otherwise. */
export async function resourceOnPath(pathSlug: string, resourceId: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(resourceId)) return false;
  return isOnPath(await getDb(), pathSlug, resourceId);
}
