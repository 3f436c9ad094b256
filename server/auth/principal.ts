import { parse as parseCookie } from 'cookie';
import {
  type Identity,
  identityFromJoinToken,
  identityFromLinkSession,
  identityFromSessionToken,
  registrationIdOfLinkSession,
} from '@/db/queries/identity';
import { registrationIdOfToken } from '@/db/queries/my-data';
import type { Registrant } from '@/db/queries/registrations';
import { JOIN_COOKIE } from '@/lib/realtime/protocol';
import { SESSION_COOKIES } from './options';

/**
 * Who is asking, from what a request or a Socket.IO handshake carries, outside Next's request
 * scope (the Node server's own handlers and the realtime server; pages and routes use
 * ./current.ts, which reads the same credentials): a signed-in account (next-auth's session
 * cookie), else a personal link's token given by the client (bearer header, or the socket's
 * `auth.token`), else the personal link opened in this browser (the link cookie). docs/security.md.
 */
export type Credentials = { cookie?: string; authorization?: string | null; token?: unknown };

const bearer = (authorization: string | null | undefined) =>
  authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() || undefined : undefined;

export async function identityOfCredentials(c: Credentials): Promise<Identity | null> {
  const cookies = parseCookie(c.cookie ?? '');
  for (const name of SESSION_COOKIES) {
    const token = cookies[name];
    if (token) {
      const id = await identityFromSessionToken(token);
      if (id) return id;
    }
  }
  const token = bearer(c.authorization) ?? (typeof c.token === 'string' && c.token ? c.token : undefined);
  if (token) return identityFromJoinToken(token);
  const link = cookies[JOIN_COOKIE];
  return link ? identityFromLinkSession(link) : null;
}

/**
 * For a registration request: the registration the client holds (a join token as bearer, else
 * this browser's personal link, whatever the registration's status) and the address it is signed
 * in with (register_set: only they may change an existing registration).
 */
export async function registrantOfCredentials(c: Credentials): Promise<Registrant> {
  const cookies = parseCookie(c.cookie ?? '');
  let provenEmail: string | null = null;
  for (const name of SESSION_COOKIES) {
    const token = cookies[name];
    const id = token ? await identityFromSessionToken(token) : null;
    if (id) {
      provenEmail = id.email;
      break;
    }
  }
  const token = bearer(c.authorization);
  const link = cookies[JOIN_COOKIE];
  const holder = token ? await registrationIdOfToken(token) : link ? await registrationIdOfLinkSession(link) : null;
  return { holder, provenEmail };
}
