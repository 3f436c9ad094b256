'use server';

import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type FormState, invalidForm, refusedForm } from '@/server/form-state';
import {
  confirmFacilitator,
  decide,
  proposalPath,
  reviseProposal,
  saveCall,
  saveReview,
  scheduleProposal,
  submitProposal,
  withdrawProposal,
} from '@/db/queries/calls';
import { eventTimeZone } from '@/db/queries/events';
import { callInput, decisionInput, lines, proposalInput, reviewInput, scheduleInput } from '@/lib/domain/calls';
import { fieldInstant } from '@/lib/domain/time';
import { DEFAULT_TIME_ZONE } from '@/lib/i18n';
import { currentUser, type CurrentUser } from '@/server/auth/current';
import { hitLimit } from '@/server/http/rate-limit';

// The writes of calls for proposals, as server actions of their pages (forms that work without
// JavaScript too): signed in, a per-person rate limit, zod (Next caps a server action's body at
// 1 MB; every field has its own maximum), one domain function, then a redirect — or the refusal
// with each field's message and the values typed (FormState, shown by ActionForm).

/**
 * Back to the proposal page after a write. The query changes at every write: a redirect to the
 * URL already shown (only the hash differing) would keep the page as it was.
 */
const back = (callSlug: string, proposalId: string, what: string, hash = '') => `${proposalPath(callSlug, proposalId)}?${what}=${Date.now().toString(36)}${hash}`;

async function handle<S extends z.ZodType>(
  back: string,
  form: FormData,
  schema: S,
  shape: (values: Record<string, string>, form: FormData) => unknown,
  run: (user: CurrentUser, input: z.output<S>) => Promise<string>,
): Promise<FormState> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  const values = Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, String(v)]));
  if ((await hitLimit('callWritesPerPerson', `user:${user.id}`)) !== null) return { error: 'rate_limited', values, at: Date.now() };
  const parsed = schema.safeParse(shape(values, form));
  if (!parsed.success) return invalidForm(parsed.error, values, fieldOf);
  let next: string;
  try {
    next = await run(user, parsed.data);
  } catch (err) {
    return refusedForm(err, values);
  }
  redirect(next);
}

/** The form field a zod issue is about (co-facilitators are `cofacName1`…, answers `answer0`…). */
function fieldOf(path: PropertyKey[]): string {
  const [head, index, leaf] = path;
  if (head === 'facilitators' && typeof index === 'number') {
    return `cofac${leaf === 'email' ? 'Email' : leaf === 'organization' ? 'Org' : 'Name'}${index + 1}`;
  }
  if (head === 'answers' && typeof index === 'number') return `answer${index}`;
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
    preferredDays: (v.preferredDays ?? '').split(/[\s,;]+/).filter(Boolean),
    answers,
    facilitators,
  };
}

export async function submitProposalAction(callSlug: string, _prev: FormState, form: FormData) {
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  return handle(`/calls/${callSlug}/propose`, form, proposalInput, proposalShape, async (user, input) => {
    const id = await submitProposal(user, callSlug, input, locale);
    return back(callSlug, id, 'sent');
  });
}

export async function reviseProposalAction(callSlug: string, proposalId: string, _prev: FormState, form: FormData) {
  return handle(`${proposalPath(callSlug, proposalId)}/edit`, form, proposalInput, proposalShape, async (user, input) => {
    await reviseProposal(user, proposalId, input);
    return back(callSlug, proposalId, 'saved');
  });
}

export async function withdrawProposalAction(callSlug: string, proposalId: string, _prev: FormState, form: FormData) {
  return handle(proposalPath(callSlug, proposalId), form, z.object({}), (v) => v, async (user) => {
    await withdrawProposal(user, proposalId);
    return back(callSlug, proposalId, 'withdrawn');
  });
}

export async function decideAction(callSlug: string, proposalId: string, _prev: FormState, form: FormData) {
  return handle(proposalPath(callSlug, proposalId), form, decisionInput, (v) => v, async (user, input) => {
    await decide(user, proposalId, input);
    return back(callSlug, proposalId, 'saved', '#timeline');
  });
}

export async function scheduleAction(callSlug: string, proposalId: string, _prev: FormState, form: FormData) {
  return handle(proposalPath(callSlug, proposalId), form, scheduleInput, (v) => v, async (user, input) => {
    await scheduleProposal(user, proposalId, input);
    return back(callSlug, proposalId, 'saved', '#timeline');
  });
}

export async function reviewAction(callSlug: string, proposalId: string, _prev: FormState, form: FormData) {
  return handle(proposalPath(callSlug, proposalId), form, reviewInput, (v) => ({ ...v, score: v.score || undefined }), async (user, input) => {
    await saveReview(user, proposalId, input);
    return back(callSlug, proposalId, 'saved', '#reviews');
  });
}

/** A co-facilitator confirms their part; the token is the credential (no sign-in needed). */
export async function confirmFacilitatorAction(token: string): Promise<void> {
  if ((await hitLimit('callConfirmationsPerLink', token.slice(0, 40))) !== null) redirect(`/calls/confirm/${token}?error=rate_limited`);
  const path = await confirmFacilitator(token);
  redirect(path ? `${path}?confirmed=${Date.now().toString(36)}` : `/calls/confirm/${token}`);
}

/** `email name` per line → committee members. */
function committeeOf(text: string) {
  return lines(text).map((l) => {
    const [email, ...name] = l.split(/[\s,;]+/);
    return { email: email ?? '', name: name.join(' ') || (email ?? '').split('@')[0] || '' };
  });
}

export async function saveCallAction(eventSlug: string, callSlug: string | null, _prev: FormState, form: FormData) {
  const tz = (await eventTimeZone(eventSlug)) ?? DEFAULT_TIME_ZONE;
  // `datetime-local` fields are the event's wall-clock time.
  const instant = (v: string | undefined) => (v ? (fieldInstant(v, tz) ?? v) : undefined);
  return handle(
    `/organize/${eventSlug}`,
    form,
    callInput,
    (v) => ({
      ...v,
      formats: lines(v.formats ?? ''),
      questions: lines(v.questions ?? ''),
      committee: committeeOf(v.committee ?? ''),
      namedDecisions: v.namedDecisions === 'on',
      opensAt: instant(v.opensAt),
      closesAt: instant(v.closesAt),
      answerBy: instant(v.answerBy),
    }),
    async (user, input) => {
      const slug = await saveCall(user.id, eventSlug, input, callSlug ?? undefined);
      return `/calls/${slug}?saved=1`;
    },
  );
}
