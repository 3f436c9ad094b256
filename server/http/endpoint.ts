import type { z } from 'zod';
import type { Identity } from '@/db/queries/identity';
import type { PersonRef } from '@/db/queries/my-data';
import { refusalOf } from '@/db/client';
import { apiError, invalid, readJson } from '@/server/http/respond';
import { guardJson } from '@/server/http/write-guard';
import { currentParticipant, currentUser, provenParticipant, type CurrentUser } from '@/server/auth/current';
import { personOfRequest } from '@/server/exports/my-data';
import type { LimitName } from './rate-limit';

// One way in for every route handler (issue 27, docs/security.md "How a request is answered"):
// parse the path parameters, resolve who is asking, parse the query and the body, ask the policy,
// run, and map a refusal (`DomainError`) to its answer, in this order and in this one place. A test
// (one-way-in.test.ts) fails when an app/**/route.ts handler is not made by `endpoint`.

/**
 * Who may call: `anyone` (nobody is resolved), `participant?` (the participant, or null: the
 * domain decides), `participant` / `proven` (a signed-in person or a registrant's personal link;
 * `proven`: its address proven), `account` (signed in), `person` (whose personal data: bearer
 * token, account or personal-link cookie; server/exports/my-data.ts). All but the first two answer
 * `401 unauthenticated` to nobody.
 */
export type Who = 'anyone' | 'participant?' | 'participant' | 'proven' | 'account' | 'person';

export type PrincipalOf<W extends Who> = W extends 'account'
  ? CurrentUser
  : W extends 'participant' | 'proven'
    ? Identity
    : W extends 'participant?'
      ? Identity | null
      : W extends 'person'
        ? PersonRef
        : null;

/** The path parameters as Next gives them. */
export type RawParams = Record<string, string | string[]>;

/** What a handler of `endpoint` gets: the request, and everything already checked. */
export type EndpointCtx<P, W extends Who, Q, B> = { req: Request; url: URL; params: P; who: PrincipalOf<W>; query: Q; body: B };

type Before<P, W extends Who, Q> = Omit<EndpointCtx<P, W, Q, undefined>, 'body'>;

export type EndpointSpec<PS extends z.ZodType, W extends Who, QS extends z.ZodType, BS extends z.ZodType> = {
  /** The path parameters; a mismatch (an id that is no UUID, a resource on another path) is a 404. */
  params?: PS;
  /** The message of that 404 (`not_found`). */
  notFound?: string;
  who?: W;
  /** The message of the 401 (default: "Sign in first."). */
  unauthenticated?: string;
  /** The query string (as an object of its last values); a mismatch is `400 invalid`, or `invalidQuery`'s answer. */
  query?: QS;
  invalidQuery?: (error: z.ZodError) => Response;
  /**
   * A JSON body. With `limit`, through the public write guard (server/http/write-guard.ts: JSON only, same
   * origin, the named rate limit, `maxBytes`); else parsed as JSON (`empty`: the value of no body).
   * Malformed: 400 `invalid_json`; not fitting `schema`: 400 `invalid` with `fields`.
   */
  body?: { schema: BS; limit?: (ctx: Before<z.output<PS>, W, z.output<QS>>) => [LimitName, string]; maxBytes?: number; empty?: unknown };
  /** The policy's answer for this request (lib/policy, `userMay`): false is `403 forbidden`. */
  may?: (ctx: EndpointCtx<z.output<PS>, W, z.output<QS>, z.output<BS>>) => boolean | Promise<boolean>;
  /** The message of that 403. */
  forbidden?: string;
};

/** A Next route handler (the context is optional so that tests may call it with the request alone). */
export type RouteHandler = (req: Request, context?: { params: Promise<RawParams> }) => Promise<Response>;

const NONE = undefined as unknown;

async function principal(who: Who, req: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response | null }> {
  switch (who) {
    case 'anyone':
      return { ok: true, value: null };
    case 'participant?':
      return { ok: true, value: await currentParticipant(req) };
    case 'participant': {
      const value = await currentParticipant(req);
      return value ? { ok: true, value } : { ok: false, response: null };
    }
    case 'proven': {
      const value = await provenParticipant(req);
      return value ? { ok: true, value } : { ok: false, response: null };
    }
    case 'account': {
      const value = await currentUser();
      return value ? { ok: true, value } : { ok: false, response: null };
    }
    case 'person': {
      const found = await personOfRequest(req);
      return found.ok ? { ok: true, value: found.ref } : { ok: false, response: found.response };
    }
  }
}

/**
 * `DomainError` (or the database unreachable: `503 unavailable`, `refusalOf`) → `{ error: { code,
 * message, fields? } }` with its status; anything else is thrown on (a 500).
 */
export function refusal(err: unknown): Response {
  const refused = refusalOf(err);
  if (refused) return apiError(refused.status, refused.code, refused.message, refused.fields);
  throw err;
}

/**
 * The one way in of a route handler: `export const GET = endpoint({ params, who, query, body, may }, run)`.
 * `run` gets the request with its checked parts and answers (with `respond(schema, data)` for JSON).
 */
export function endpoint<
  PS extends z.ZodType = z.ZodType<Record<string, string>>,
  W extends Who = 'anyone',
  QS extends z.ZodType = z.ZodType<undefined>,
  BS extends z.ZodType = z.ZodType<undefined>,
>(
  spec: EndpointSpec<PS, W, QS, BS>,
  run: (ctx: EndpointCtx<z.output<PS>, W, z.output<QS>, z.output<BS>>) => Response | Promise<Response>,
): RouteHandler {
  return async (req, context) => {
    try {
      const raw: RawParams = (await context?.params) ?? {};
      let params: unknown = raw;
      if (spec.params) {
        const parsed = await spec.params.safeParseAsync(raw);
        if (!parsed.success) return apiError(404, 'not_found', spec.notFound ?? 'Not found.');
        params = parsed.data;
      }
      const who = await principal(spec.who ?? 'anyone', req);
      if (!who.ok) return who.response ?? apiError(401, 'unauthenticated', spec.unauthenticated ?? 'Sign in first.');
      const url = new URL(req.url);
      let query: unknown = NONE;
      if (spec.query) {
        const parsed = await spec.query.safeParseAsync(Object.fromEntries(url.searchParams));
        if (!parsed.success) return spec.invalidQuery ? spec.invalidQuery(parsed.error) : invalid(parsed.error);
        query = parsed.data;
      }
      const before = { req, url, params, who: who.value, query } as Before<z.output<PS>, W, z.output<QS>>;
      let body: unknown = NONE;
      if (spec.body) {
        const { schema, limit, maxBytes, empty } = spec.body;
        if (limit) {
          const guarded = await guardJson(req, limit(before), schema, { maxBytes });
          if (!guarded.ok) return guarded.response;
          body = guarded.data;
        } else {
          const json = await readJson(req, { empty });
          if (!json.ok) return json.response;
          const parsed = await schema.safeParseAsync(json.value);
          if (!parsed.success) return invalid(parsed.error);
          body = parsed.data;
        }
      }
      const ctx = { ...before, body } as EndpointCtx<z.output<PS>, W, z.output<QS>, z.output<BS>>;
      if (spec.may && !(await spec.may(ctx))) return apiError(403, 'forbidden', spec.forbidden ?? 'You may not do this.');
      return await run(ctx);
    } catch (err) {
      return refusal(err);
    }
  };
}
