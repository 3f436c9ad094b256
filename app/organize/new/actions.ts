'use server';

import { redirect } from 'next/navigation';
import { createEvent } from '@/db/queries/programme-admin';
import { eventInput } from '@/lib/domain/programme';
import { DomainError } from '@/lib/errors';
import { currentUser } from '@/server/auth/current';
import type { FormState } from '../[slug]/programme-actions';

export async function createEventAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/organize/new');
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = eventInput.safeParse({ ...values, location: values.location || undefined });
  if (!parsed.success) {
    return { error: 'invalid', fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])), values, at: Date.now() };
  }
  let slug: string;
  try {
    slug = (await createEvent(user.id, parsed.data)).slug;
  } catch (err) {
    if (err instanceof DomainError) return { error: err.code, message: err.message, fields: err.fields, values, at: Date.now() };
    throw err;
  }
  redirect(`/organize/${slug}`);
}
