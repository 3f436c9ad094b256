'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { generateInvitationCode, saveQuestion, saveRoom, saveSession, saveTrack } from '@/db/queries/programme-admin';
import { roomInput, sessionInput, trackInput } from '@/lib/domain/programme';
import { questionInput } from '@/lib/domain/questions';
import { DomainError } from '@/lib/errors';
import { currentUser } from '@/server/auth/current';

/** A refused submission: what went wrong, per field, and the values typed (shown again). `at` stamps each answer. */
export type FormState = { error?: string; message?: string; fields?: Record<string, string>; values?: Record<string, string>; at?: number } | null;

const valuesOf = (form: FormData) => Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));

async function actor(eventSlug: string) {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=/organize/${eventSlug}`);
  return user.id;
}

function refused(err: unknown, values: Record<string, string>): FormState {
  if (err instanceof DomainError) return { error: err.code, message: err.message, fields: err.fields, values, at: Date.now() };
  throw err;
}

export async function saveSessionAction(eventSlug: string, sessionId: string | null, _prev: FormState, form: FormData): Promise<FormState> {
  const userId = await actor(eventSlug);
  const values = valuesOf(form);
  const parsed = sessionInput.safeParse(values);
  if (!parsed.success) {
    return { error: 'invalid', fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])), values, at: Date.now() };
  }
  try {
    await saveSession(userId, eventSlug, parsed.data, sessionId ?? undefined);
  } catch (err) {
    return refused(err, values);
  }
  redirect(`/organize/${eventSlug}?saved=1#programme`);
}

export async function saveRoomAction(eventSlug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const userId = await actor(eventSlug);
  const values = valuesOf(form);
  const parsed = roomInput.safeParse(values);
  if (!parsed.success) return { error: 'invalid', fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])), values, at: Date.now() };
  try {
    await saveRoom(userId, eventSlug, parsed.data);
  } catch (err) {
    return refused(err, values);
  }
  redirect(`/organize/${eventSlug}?saved=1#rooms`);
}

export async function saveTrackAction(eventSlug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const userId = await actor(eventSlug);
  const values = valuesOf(form);
  const parsed = trackInput.safeParse(values);
  if (!parsed.success) return { error: 'invalid', fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])), values, at: Date.now() };
  try {
    await saveTrack(userId, eventSlug, parsed.data);
  } catch (err) {
    return refused(err, values);
  }
  redirect(`/organize/${eventSlug}?saved=1#rooms`);
}

export async function saveQuestionAction(eventSlug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const userId = await actor(eventSlug);
  const values = valuesOf(form);
  const parsed = questionInput.safeParse(values);
  if (!parsed.success) return { error: 'invalid', fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])), values, at: Date.now() };
  try {
    await saveQuestion(userId, eventSlug, parsed.data);
  } catch (err) {
    return refused(err, values);
  }
  redirect(`/organize/${eventSlug}?saved=1#questions`);
}

const codeInput = z
  .object({
    sessionId: z.union([z.uuid(), z.literal('')]).transform((v) => v || undefined),
    maxUses: z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().min(1).max(100_000).nullable()),
  })
  .strict();

export async function generateCodeAction(eventSlug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const userId = await actor(eventSlug);
  const values = valuesOf(form);
  const parsed = codeInput.safeParse(values);
  if (!parsed.success) return { error: 'invalid', fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])), values, at: Date.now() };
  try {
    await generateInvitationCode(userId, eventSlug, parsed.data);
  } catch (err) {
    return refused(err, values);
  }
  redirect(`/organize/${eventSlug}?saved=1#codes`);
}
