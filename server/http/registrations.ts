import type { IncomingMessage, ServerResponse } from 'node:http';
import { register } from '@/db/queries/registrations';
import { registrationMailedResponse, registrationResponse } from '@/lib/api/responses';
import { publicRegistration, registrationRequest } from '@/lib/domain/registration';
import { refusalOf } from '@/db/client';
import { parseJsonText } from '@/server/http/respond';
import { requestLocale } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { registrantOfCredentials } from '../auth/principal';
import { type ApiError, fieldsOf } from '@/lib/validation';
import { CLIENT_ADDRESS_HEADER, policyFor, sendJson as send } from './guard';
import { mailAllowed } from './rate-limit';

/**
 * `POST /api/events/{event}/registrations` (public contract), answered by the Node server itself
 * rather than by a Next route: registrations come in bursts when a call to register goes out,
 * and Next's request pipeline costs about 2.5 ms of CPU per request on a 2-core machine (it
 * caps any route near 400 requests/s), when this handler costs a fraction of that. Same shape,
 * same schema, same domain function as the rest of the API: it validates, calls `register`,
 * and answers `201` (new), `200` (same e-mail again, from whoever holds that registration) or
 * `202` (same e-mail again from anybody else: nothing changed, the link was mailed), or
 * `{ error: { code, message, fields? } }`.
 * The request guard (./guard.ts) has checked its method, Content-Length, Origin, content type and
 * the per-address write limit already; this handler caps a chunked body as it comes and counts the
 * registration in the limits of what sends a mail (per client address and per e-mail): `429`.
 */
export const ROUTE = '/api/events/{event}/registrations';
const PATH = /^\/api\/events\/([^/?#]+)\/registrations(?:\?.*)?$/;
/** A registration is a few hundred bytes; anything this big is not one (the guard's limit for this route). */
const MAX_BODY = policyFor('/api/events/x/registrations').maxBody;

function fail(res: ServerResponse, status: number, code: string, message: string, fields?: Record<string, string>, headers?: Record<string, string>) {
  const body: ApiError = { error: { code, message, ...(fields ? { fields } : {}) } };
  send(res, status, body, headers);
}

function readBody(req: IncomingMessage): Promise<{ ok: true; text: string } | { ok: false; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: { ok: true; text: string } | { ok: false; tooLarge: boolean }) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        finish({ ok: false, tooLarge: true });
        req.pause(); // read no more of it: the connection is closed after the answer
        return;
      }
      if (!done) chunks.push(chunk);
    });
    req.on('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => finish({ ok: false, tooLarge: false }));
  });
}

/** Answer the request if it is for this endpoint; false lets Next answer it. */
export function handleRegistrations(req: IncomingMessage, res: ServerResponse): boolean {
  const match = req.url ? PATH.exec(req.url) : null;
  if (!match) return false;
  if (req.method !== 'POST') {
    fail(res, 405, 'method_not_allowed', 'Use POST to register.', undefined, { allow: 'POST' });
    req.resume();
    return true;
  }
  void answer(req, res, match[1]!).catch((err: unknown) => {
    logger().error({ err, url: req.url }, 'registration failed');
    if (!res.headersSent) fail(res, 500, 'internal', 'The registration could not be saved; please try again.');
    else res.destroy();
  });
  return true;
}

async function answer(req: IncomingMessage, res: ServerResponse, rawSlug: string) {
  const body = await readBody(req);
  if (!body.ok) {
    if (body.tooLarge) {
      fail(res, 413, 'payload_too_large', `The request body is larger than ${MAX_BODY} bytes.`, undefined, { connection: 'close' });
      res.on('finish', () => req.socket.destroySoon());
    } else res.destroy();
    return;
  }
  const json = parseJsonText(body.text);
  if (!json.ok) return fail(res, json.status, json.code, json.message, json.fields);
  const parsed = registrationRequest.safeParse(json.value);
  if (!parsed.success) return fail(res, 400, 'invalid', 'The request is not valid.', fieldsOf(parsed.error));
  const address = String(req.headers[CLIENT_ADDRESS_HEADER] ?? req.socket.remoteAddress ?? 'unknown');
  const wait = await mailAllowed(address, parsed.data.email);
  if (wait !== null) {
    return fail(res, 429, 'rate_limited', `Too many registrations; try again in ${wait} s.`, undefined, { 'retry-after': String(wait) });
  }
  let slug: string;
  try {
    slug = decodeURIComponent(rawSlug);
  } catch {
    return fail(res, 404, 'event_not_found', 'No such event.');
  }
  try {
    const who = await registrantOfCredentials({ cookie: req.headers.cookie, authorization: req.headers.authorization });
    const result = await register(slug, parsed.data, requestLocale(req.headers.cookie, req.headers['accept-language']), who);
    if (result.mailed) return send(res, 202, registrationMailedResponse.parse({ mailed: true }));
    send(res, result.created ? 201 : 200, registrationResponse.parse(publicRegistration(result.created, result.registration)));
  } catch (err) {
    const refused = refusalOf(err);
    if (refused) return fail(res, refused.status, refused.code, refused.message, refused.fields);
    throw err;
  }
}
