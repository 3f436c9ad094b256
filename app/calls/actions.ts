'use server';

import { getLocale } from 'next-intl/server';
import { confirmFacilitator } from '@/server/calls/confirm-facilitator';
import { decide } from '@/server/calls/decide-proposal';
import { reviseProposal } from '@/server/calls/revise-proposal';
import { saveCall } from '@/server/calls/save-call';
import { saveReview } from '@/server/calls/save-review';
import { scheduleProposal } from '@/server/calls/schedule-proposal';
import { submitProposal } from '@/server/calls/submit-proposal';
import { withdrawProposal } from '@/server/calls/withdraw-proposal';
import { eventTimeZone } from '@/db/queries/events';
import { callInput, decisionInput, lines, proposalInput, proposalPath, reviewInput, scheduleInput } from '@/lib/domain/calls';
import { fieldInstant } from '@/lib/domain/time';
import { DEFAULT_TIME_ZONE } from '@/lib/i18n';
import { formAction, redirectAction } from '@/server/actions/form-action';
import type { CurrentUser } from '@/server/auth/current';
import type { LimitName } from '@/server/http/rate-limit';

// The writes of calls for proposals, as server actions of their pages (forms that work without
// JavaScript too): signed in, a per-person rate limit, zod (Next caps a server action's body at
// 1 MB; every field has its own maximum), one domain function, then a redirect — or the refusal
// with each field's message and the values typed (FormState, shown by ActionForm).

/**
 * Back to the proposal page after a write. The query changes at every write: a redirect to the
 * URL already shown (only the hash differing) would keep the page as it was.
 */
const back = (callSlug: string, proposalId: string, what: string, hash = '') => `${proposalPath(callSlug, proposalId)}?${what}=${Date.now().toString(36)}${hash}`;

/** Every write: the fields typed (not Next's own `$ACTION…` fields), a per-person rate limit, zod issues named by their field. */
const common = {
  values: (form: FormData) => Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, String(v)])),
  limit: (user: CurrentUser): [LimitName, string] => ['callWritesPerPerson', `user:${user.id}`],
  fieldOf,
};

/** The form field a zod issue is about (co-facilitators are `cofacName1`…, answers `answer0`…). */
function fieldOf(path: PropertyKey[]): string {
  const [head, index, leaf] = path;
  if (head === 'facilitators' && typeof index === 'number') {
    return `cofac${leaf === 'email' ? 'Email' : leaf === 'organization' ? 'Org' : 'Name'}${index + 1}`;
  }
  if (head === 'answers' && typeof index === 'number') return `answer${index}`;
  if (head === 'preferredDays' && typeof index === 'number') return `preferredDay${index + 1}`;
  return String(head);
}

const COFACILITATOR_SLOTS = 2;

function proposalShape(v: Record<string, string>) {
  const facilitators = Array.from({ length: COFACILITATOR_SLOTS }, (_, i) => ({
    name: v[`cofacName${i + 1}`] ?? '',
    organization: v[`cofacOrg${i + 1}`] ?? '',
    email: v[`cofacEmail${i + 1}`] ?? '',
  })).filter((f) => f.name.trim() || f.email.trim());
  const answers = Object.keys(v)
    .filter((k) => /^answer\d+$/.test(k))
    .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)))
    .map((k) => v[k]!);
  return {
    title: v.title,
    format: v.format,
    abstract: v.abstract,
    needs: v.needs ?? '',
    organization: v.organization ?? '',
    preferredDays: Object.keys(v)
      .filter((k) => /^preferredDay\d+$/.test(k) && v[k]!.trim())
      .sort((a, b) => Number(a.slice(12)) - Number(b.slice(12)))
      .map((k) => v[k]!.trim()),
    answers,
    facilitators,
  };
}

export const submitProposalAction = formAction(
  { ...common, signIn: (callSlug: string) => `/calls/${callSlug}/propose`, schema: proposalInput, prepare: proposalShape },
  async ({ who, input }, callSlug) => {
    const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
    const id = await submitProposal(who, callSlug, input, locale);
    return back(callSlug, id, 'sent');
  },
);

export const reviseProposalAction = formAction(
  { ...common, signIn: (callSlug: string, proposalId: string) => `${proposalPath(callSlug, proposalId)}/edit`, schema: proposalInput, prepare: proposalShape },
  async ({ who, input }, callSlug, proposalId) => {
    await reviseProposal(who, proposalId, input);
    return back(callSlug, proposalId, 'saved');
  },
);

export const withdrawProposalAction = formAction({ ...common, signIn: proposalPath }, async ({ who }, callSlug, proposalId) => {
  await withdrawProposal(who, proposalId);
  return back(callSlug, proposalId, 'withdrawn');
});

export const decideAction = formAction({ ...common, signIn: proposalPath, schema: decisionInput }, async ({ who, input }, callSlug, proposalId) => {
  await decide(who, proposalId, input);
  return back(callSlug, proposalId, 'saved', '#timeline');
});

export const scheduleAction = formAction({ ...common, signIn: proposalPath, schema: scheduleInput }, async ({ who, input }, callSlug, proposalId) => {
  await scheduleProposal(who, proposalId, input);
  return back(callSlug, proposalId, 'saved', '#timeline');
});

export const reviewAction = formAction(
  { ...common, signIn: proposalPath, schema: reviewInput, prepare: (v) => ({ ...v, score: v.score || undefined }) },
  async ({ who, input }, callSlug, proposalId) => {
    await saveReview(who, proposalId, input);
    return back(callSlug, proposalId, 'saved', '#reviews');
  },
);

/** A co-facilitator confirms their part; the token is the credential (no sign-in needed). */
export const confirmFacilitatorAction = redirectAction(
  {
    who: 'anyone',
    limit: (_who, token: string) => ['callConfirmationsPerLink', token.slice(0, 40)],
    limited: (token) => `/calls/confirm/${token}?error=rate_limited`,
  },
  async (_ctx, token) => {
    const path = await confirmFacilitator(token);
    return path ? `${path}?confirmed=${Date.now().toString(36)}` : `/calls/confirm/${token}`;
  },
);

/** `email name` per line → committee members. */
function committeeOf(text: string) {
  return lines(text).map((l) => {
    const [email, ...name] = l.split(/[\s,;]+/);
    return { email: email ?? '', name: name.join(' ') || (email ?? '').split('@')[0] || '' };
  });
}

export const saveCallAction = formAction(
  {
    ...common,
    signIn: (eventSlug: string, _callSlug: string | null) => `/organize/${eventSlug}`,
    schema: callInput,
    prepare: async (v, _form, eventSlug) => {
      const tz = (await eventTimeZone(eventSlug)) ?? DEFAULT_TIME_ZONE;
      // `datetime-local` fields are the event's wall-clock time.
      const instant = (t: string | undefined) => (t ? (fieldInstant(t, tz) ?? t) : undefined);
      return {
        ...v,
        formats: lines(v.formats ?? ''),
        questions: lines(v.questions ?? ''),
        committee: committeeOf(v.committee ?? ''),
        namedDecisions: v.namedDecisions === 'on',
        opensAt: instant(v.opensAt),
        closesAt: instant(v.closesAt),
        answerBy: instant(v.answerBy),
      };
    },
  },
  async ({ who, input }, eventSlug, callSlug) => {
    const slug = await saveCall(who.id, eventSlug, input, callSlug ?? undefined);
    return `/calls/${slug}?saved=1`;
  },
);
