'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import {
  awardNow,
  createAchievement,
  decideRequest,
  endorseAchievement,
  publishedDocument,
  requestBadge,
  respondToBadge,
  revokeBadge,
} from '@/db/queries/badges';
import { verifyCredential } from '@/lib/badges/verify';
import { achievementSchema, badgeDecisionSchema, badgeRequestSchema, endorsementSchema } from '@/lib/domain/badges';
import { parseJsonText } from '@/lib/http';
import { currentUser, provenParticipant } from '@/server/auth/current';
import { clientAddressOf, hitLimit } from '@/server/http/rate-limit';

// The badge forms (server actions): each validates with zod, calls one query, and redirects back
// with an outcome the page translates (`?done=…` or `?error=…`).

const str = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : undefined;
};

async function who(back: string) {
  const p = await provenParticipant();
  if (!p) redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  return { email: p.email, name: p.name };
}

/** A participant asks for a request-based badge, with evidence. */
export async function requestBadgeAction(eventSlug: string, form: FormData): Promise<void> {
  const back = `/events/${eventSlug}/badges`;
  const person = await who(back);
  const input = badgeRequestSchema.safeParse({ achievementId: str(form, 'achievementId'), evidence: str(form, 'evidence') });
  if (!input.success) redirect(`${back}?error=evidence#requests`);
  const r = await requestBadge(person, input.data);
  redirect(`${back}?${r.ok ? 'done=requested' : `error=${r.code}`}#requests`);
}

/** The recipient accepts, declines, shows or hides a badge. */
export async function respondAction(awardId: string, action: 'accept' | 'reject' | 'publish' | 'unpublish'): Promise<void> {
  const person = await who('/badges');
  const r = await respondToBadge(person.email, awardId, action);
  redirect(`/badges?${r.ok ? `done=${action}` : `error=${r.code}`}#badge-${awardId}`);
}

/** A holder endorses an achievement. */
export async function endorseAction(achievementId: string, form: FormData): Promise<void> {
  const back = `/achievements/${achievementId}`;
  const person = await who(back);
  const input = endorsementSchema.safeParse({ achievementId, comment: str(form, 'comment') });
  if (!input.success) redirect(`${back}?error=comment#endorse`);
  const r = await endorseAchievement(person, input.data);
  redirect(`${back}?${r.ok ? 'done=endorsed' : `error=${r.code}`}#endorsements`);
}

async function manager(eventSlug: string) {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=/organize/${eventSlug}/badges`);
  return user;
}

/** A moderator or organizer validates or declines (with a reason) a request. */
export async function decideAction(eventSlug: string, form: FormData): Promise<void> {
  const user = await manager(eventSlug);
  const back = `/organize/${eventSlug}/badges`;
  const input = badgeDecisionSchema.safeParse({ awardId: str(form, 'awardId'), decision: str(form, 'decision'), reason: str(form, 'reason') });
  if (!input.success) redirect(`${back}?error=reason#requests`);
  const r = await decideRequest(user.id, input.data);
  redirect(`${back}?${r.ok ? `done=${r.status}` : `error=${r.code}`}#requests`);
}

export async function revokeAction(eventSlug: string, awardId: string): Promise<void> {
  const user = await manager(eventSlug);
  const r = await revokeBadge(user.id, awardId);
  redirect(`/organize/${eventSlug}/badges?${r.ok ? 'done=revoked' : `error=${r.code}`}#issued`);
}

export async function createAchievementAction(eventSlug: string, form: FormData): Promise<void> {
  const user = await manager(eventSlug);
  const back = `/organize/${eventSlug}/badges`;
  const input = achievementSchema.safeParse({
    kind: str(form, 'kind'),
    name: str(form, 'name'),
    description: str(form, 'description'),
    criteria: str(form, 'criteria'),
    minMinutes: str(form, 'minMinutes') || undefined,
  });
  if (!input.success) redirect(`${back}?error=achievement#new-achievement`);
  const r = await createAchievement(user.id, eventSlug, input.data);
  redirect(`${back}?${r.ok ? 'done=created' : `error=${r.code}`}#achievements`);
}

/** Run the award job for this event now (organizers), rather than waiting for its next pass. */
export async function awardNowAction(eventSlug: string): Promise<void> {
  const user = await manager(eventSlug);
  const r = await awardNow(user.id, eventSlug);
  redirect(`/organize/${eventSlug}/badges?${r.ok ? `done=awarded&n=${r.issued}` : `error=${r.code}`}#issued`);
}

export type VerifyOutcome = { state: 'valid' | 'revoked' | 'invalid' | 'unreadable' | 'limited'; errors: string[] } | null;

/** The verification page's form: a credential pasted or read from a file, checked here. */
export async function verifyPastedAction(_prev: VerifyOutcome, form: FormData): Promise<VerifyOutcome> {
  if ((await hitLimit('verificationsPerAddress', clientAddressOf(await headers()))) !== null) return { state: 'limited', errors: [] };
  const text = (str(form, 'credential') ?? '').slice(0, 128 * 1024);
  const parsed = parseJsonText(text);
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return { state: 'unreadable', errors: [] };
  const v = await verifyCredential(parsed.value as Record<string, unknown>, publishedDocument);
  return { state: v.verified ? 'valid' : v.revoked ? 'revoked' : 'invalid', errors: v.errors.slice(0, 5) };
}
