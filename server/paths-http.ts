import type { z } from 'zod';
import { identityFromJoinToken, type Identity } from '@/db/queries/identity';
import { actorFromUser, type ResourceActor } from '@/db/queries/resources';
import { apiError } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { guardJson } from '@/lib/write-guard';
import { currentParticipant, currentUser } from './auth/current';

// What the paths API routes share: who is asking, and the guarded JSON body. A route handler
// validates with these, calls one db function, and returns.

type Result<T> = { ok: true; value: T } | { ok: false; response: Response };

/** The signed-in user as a resource actor, or a 401. */
export async function signedInActor(): Promise<Result<ResourceActor>> {
  const user = await currentUser();
  if (!user) return { ok: false, response: apiError(401, 'unauthenticated', 'Sign in first.') };
  return { ok: true, value: await actorFromUser(user.id) };
}

/**
 * The person proposing: the registrant of `token` (personal link in the body), else the
 * signed-in user or the registrant of the join cookie / bearer token; or a 401.
 */
export async function proposer(req: Request, token: string | undefined): Promise<Result<Identity>> {
  const who = token ? await identityFromJoinToken(token) : await currentParticipant(req);
  if (!who) return { ok: false, response: apiError(401, 'unauthenticated', 'Sign in, or use your personal link, to propose a resource.') };
  return { ok: true, value: who };
}

export const rateKey = (who: { userId: string | null } | Identity): string =>
  who.userId ? `user:${who.userId}` : `registration:${'registrationId' in who ? who.registrationId : ''}`;

/** A signed-in JSON write: actor, guarded body, then `run` with its refusals as 4xx. */
export async function signedInWrite<S extends z.ZodType>(
  req: Request,
  schema: S,
  run: (actor: ResourceActor, body: z.output<S>) => Promise<Response>,
  opts?: { maxBytes?: number },
): Promise<Response> {
  const actor = await signedInActor();
  if (!actor.ok) return actor.response;
  const body = await guardJson(req, ['pathWritesPerPerson', `user:${actor.value.userId}`], schema, opts);
  if (!body.ok) return body.response;
  return answer(() => run(actor.value, body.data));
}
