import { OUTBOX_KIND_NAMES, type OutboxKindName as OutboxKind } from '@/lib/mail/kind-names';

/**
 * What drove a registration (issue 30, docs/report.md "What drove registrations"). A link to an
 * event's programme, a session page or the registration form may carry `?via=<source>`:
 *
 * - `mail:<kind>`: the link is in a mail Chemins sent, of that outbox kind (`viaMail`);
 * - a short slug (`[a-z0-9-]`, at most 40 characters, not `direct`): a link an organizer shared
 *   themselves (a newsletter, a partner's site).
 *
 * The page keeps it for the visit (sessionStorage, first party: components/RegistrationSource.tsx),
 * the form and `POST /api/events/{event}/registrations` send it as `source`, and the registration
 * keeps it when it is created (`registrations.source`). Anything else is ignored: a source never
 * blocks a registration. No source: `direct`.
 */
export const VIA_PARAM = 'via';
export const DIRECT_SOURCE = 'direct';

const MAIL_PREFIX = 'mail:';
const SLUG = /^[a-z0-9-]{1,40}$/;

export const MAIL_SOURCE_KINDS: readonly OutboxKind[] = OUTBOX_KIND_NAMES;

/** The mail kind of a `mail:<kind>` source, or null. */
export function mailKindOf(source: string): OutboxKind | null {
  const kind = source.startsWith(MAIL_PREFIX) ? source.slice(MAIL_PREFIX.length) : '';
  return (MAIL_SOURCE_KINDS as readonly string[]).includes(kind) ? (kind as OutboxKind) : null;
}

/** Is this a source a registration may keep (a known mail kind, or an organizer's slug)? */
export function isRegistrationSource(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  return mailKindOf(value) !== null || (SLUG.test(value) && value !== DIRECT_SOURCE);
}

/** A link of a mail of `kind` to an event's programme, a session page or the registration form, marked as such. */
export function viaMail(url: string, kind: OutboxKind): string {
  return `${url}${url.includes('?') ? '&' : '?'}${VIA_PARAM}=${MAIL_PREFIX}${kind}`;
}

/** Where a source belongs in the report: a mail, an organizer's shared link, or none. */
export type SourceGroup = 'mail' | 'link' | 'direct';
export function sourceGroup(source: string): SourceGroup {
  if (source === DIRECT_SOURCE) return 'direct';
  return mailKindOf(source) ? 'mail' : 'link';
}

/** A translator of the `reportSources` catalogue (page, CSV). */
export type SourceTranslator = (key: string, values?: Record<string, string>) => string;

/** A source as the reader reads it (`reportSources.*`): the mail's kind, the organizer's slug, or direct. */
export function sourceLabel(source: string, t: SourceTranslator): string {
  const kind = mailKindOf(source);
  if (kind) return t(`mail.${kind}`);
  return source === DIRECT_SOURCE ? t('direct') : t('link', { slug: source });
}
