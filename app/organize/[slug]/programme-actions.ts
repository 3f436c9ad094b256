'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { generateInvitationCode, saveQuestion, saveRoom, saveSession, saveTrack, updateEvent } from '@/db/queries/programme-admin';
import { eventInput, roomInput, sessionInput, trackInput } from '@/lib/domain/programme';
import { questionInput } from '@/lib/domain/questions';
import { currentUser } from '@/server/auth/current';
import { type FormState, invalidForm, refusedForm } from '@/server/form-state';


/**
 * The shape every organizer form shares: signed in, validate with zod, call one domain function,
 * then back to the organizer page at `anchor` — or the refusal, with the values typed.
 */
async function handle<S extends z.ZodType>(
  eventSlug: string,
  form: FormData,
  schema: S,
  save: (userId: string, input: z.output<S>) => Promise<unknown>,
  anchor: string,
): Promise<FormState> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=/organize/${eventSlug}`);
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = schema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, values);
  try {
    await save(user.id, parsed.data);
  } catch (err) {
    return refusedForm(err, values);
  }
  redirect(`/organize/${eventSlug}?saved=1#${anchor}`);
}

export async function saveSessionAction(eventSlug: string, sessionId: string | null, _prev: FormState, form: FormData) {
  return handle(eventSlug, form, sessionInput, (userId, input) => saveSession(userId, eventSlug, input, sessionId ?? undefined), 'programme');
}

export async function saveRoomAction(eventSlug: string, _prev: FormState, form: FormData) {
  return handle(eventSlug, form, roomInput, (userId, input) => saveRoom(userId, eventSlug, input), 'rooms');
}

export async function saveTrackAction(eventSlug: string, _prev: FormState, form: FormData) {
  return handle(eventSlug, form, trackInput, (userId, input) => saveTrack(userId, eventSlug, input), 'rooms');
}

export async function saveQuestionAction(eventSlug: string, _prev: FormState, form: FormData) {
  return handle(eventSlug, form, questionInput, (userId, input) => saveQuestion(userId, eventSlug, input), 'questions');
}

const codeInput = z
  .object({
    sessionId: z.union([z.uuid(), z.literal('')]).transform((v) => v || undefined),
    maxUses: z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().min(1).max(100_000).nullable()),
  })
  .strict();

export async function generateCodeAction(eventSlug: string, _prev: FormState, form: FormData) {
  return handle(eventSlug, form, codeInput, (userId, input) => generateInvitationCode(userId, eventSlug, input), 'codes');
}

export async function updateEventAction(eventSlug: string, _prev: FormState, form: FormData) {
  const schema = eventInput.transform((v) => ({ ...v, location: v.location || undefined }));
  return handle(eventSlug, form, schema, (userId, input) => updateEvent(userId, eventSlug, input), 'event');
}
