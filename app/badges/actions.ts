'use server';

import { headers } from 'next/headers';
import { awardNow } from '@/server/badges/award-now';
import { createAchievement } from '@/server/badges/create-achievement';
import { decideRequest } from '@/server/badges/decide-badge-request';
import { endorseAchievement } from '@/server/badges/endorse-achievement';
import { publishedDocument } from '@/server/badges/get-published-document';
import { requestBadge } from '@/server/badges/request-badge';
import { respondToBadge } from '@/server/badges/respond-to-badge';
import { revokeBadge } from '@/server/badges/revoke-badge';
import { verifyCredential } from '@/lib/badges/verify';
import { achievementSchema, badgeDecisionSchema, badgeRequestSchema, endorsementSchema } from '@/lib/domain/badges';
import { parseJsonText } from '@/server/http/respond';
import { redirectAction, stateAction } from '@/server/actions/form-action';
import { clientAddressOf } from '@/server/http/rate-limit';

// The badge forms (server actions): each validates with zod, calls one query, and redirects back
// with an outcome the page translates (`?done=…` or `?error=…`).

const str = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : undefined;
};

const proven = { who: 'proven' as const };
const organize = (eventSlug: string) => `/organize/${eventSlug}/badges`;

/** A participant asks for a request-based badge, with evidence. */
export const requestBadgeAction = redirectAction(
  {
    ...proven,
    signIn: (eventSlug: string) => `/events/${eventSlug}/badges`,
    schema: badgeRequestSchema,
    prepare: (_values, form) => ({ achievementId: str(form, 'achievementId'), evidence: str(form, 'evidence') }),
    invalid: (eventSlug) => `/events/${eventSlug}/badges?error=evidence#requests`,
  },
  async ({ who, input }, eventSlug) => {
    const r = await requestBadge({ email: who.email, name: who.name }, input);
    return `/events/${eventSlug}/badges?${r.ok ? 'done=requested' : `error=${r.code}`}#requests`;
  },
);

/** The recipient accepts, declines, shows or hides a badge. */
export const respondAction = redirectAction(
  { ...proven, signIn: (_awardId: string, _action: 'accept' | 'reject' | 'publish' | 'unpublish') => '/badges' },
  async ({ who }, awardId, action) => {
    const r = await respondToBadge(who.email, awardId, action);
    return `/badges?${r.ok ? `done=${action}` : `error=${r.code}`}#badge-${awardId}`;
  },
);

/** A holder endorses an achievement. */
export const endorseAction = redirectAction(
  {
    ...proven,
    signIn: (achievementId: string) => `/achievements/${achievementId}`,
    schema: endorsementSchema,
    prepare: (_values, form, achievementId) => ({ achievementId, comment: str(form, 'comment') }),
    invalid: (achievementId) => `/achievements/${achievementId}?error=comment#endorse`,
  },
  async ({ who, input }, achievementId) => {
    const r = await endorseAchievement({ email: who.email, name: who.name }, input);
    return `/achievements/${achievementId}?${r.ok ? 'done=endorsed' : `error=${r.code}`}#endorsements`;
  },
);

/** A moderator or organizer validates or declines (with a reason) a request. */
export const decideAction = redirectAction(
  {
    signIn: organize,
    schema: badgeDecisionSchema,
    prepare: (_values, form) => ({ awardId: str(form, 'awardId'), decision: str(form, 'decision'), reason: str(form, 'reason') }),
    invalid: (eventSlug) => `${organize(eventSlug)}?error=reason#requests`,
  },
  async ({ who, input }, eventSlug: string) => {
    const r = await decideRequest(who.id, input);
    return `${organize(eventSlug)}?${r.ok ? `done=${r.status}` : `error=${r.code}`}#requests`;
  },
);

export const revokeAction = redirectAction({ signIn: (eventSlug: string, _awardId: string) => organize(eventSlug) }, async ({ who }, eventSlug, awardId) => {
  const r = await revokeBadge(who.id, awardId);
  return `${organize(eventSlug)}?${r.ok ? 'done=revoked' : `error=${r.code}`}#issued`;
});

export const createAchievementAction = redirectAction(
  {
    signIn: organize,
    schema: achievementSchema,
    prepare: (_values, form) => ({
      kind: str(form, 'kind'),
      name: str(form, 'name'),
      description: str(form, 'description'),
      criteria: str(form, 'criteria'),
      minMinutes: str(form, 'minMinutes') || undefined,
    }),
    invalid: (eventSlug) => `${organize(eventSlug)}?error=achievement#new-achievement`,
  },
  async ({ who, input }, eventSlug: string) => {
    const r = await createAchievement(who.id, eventSlug, input);
    return `${organize(eventSlug)}?${r.ok ? 'done=created' : `error=${r.code}`}#achievements`;
  },
);

/** Run the award job for this event now (organizers), rather than waiting for its next pass. */
export const awardNowAction = redirectAction({ signIn: organize }, async ({ who }, eventSlug: string) => {
  const r = await awardNow(who.id, eventSlug);
  return `${organize(eventSlug)}?${r.ok ? `done=awarded&n=${r.issued}` : `error=${r.code}`}#issued`;
});

export type VerifyOutcome = { state: 'valid' | 'revoked' | 'invalid' | 'unreadable' | 'limited'; errors: string[] } | null;

/** The verification page's form: a credential pasted or read from a file, checked here. */
export const verifyPastedAction = stateAction(
  {
    who: 'anyone',
    limit: async () => ['verificationsPerAddress', clientAddressOf(await headers())],
    limited: (): VerifyOutcome => ({ state: 'limited', errors: [] }),
  },
  async ({ form }): Promise<VerifyOutcome> => {
    const text = (str(form, 'credential') ?? '').slice(0, 128 * 1024);
    const parsed = parseJsonText(text);
    if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return { state: 'unreadable', errors: [] };
    const v = await verifyCredential(parsed.value as Record<string, unknown>, publishedDocument);
    return { state: v.verified ? 'valid' : v.revoked ? 'revoked' : 'invalid', errors: v.errors.slice(0, 5) };
  },
);
