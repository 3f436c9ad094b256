'use server';

import { redirect } from 'next/navigation';
import { createEvent } from '@/db/queries/programme-admin';
import { eventInput } from '@/lib/domain/programme';
import { currentUser } from '@/server/auth/current';
import { type FormState, invalidForm, refusedForm } from '@/server/form-state';

export async function createEventAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/organize/new');
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = eventInput.safeParse({ ...values, location: values.location || undefined });
  if (!parsed.success) return invalidForm(parsed.error, values);
  let slug: string;
  try {
    slug = (await createEvent(user.id, parsed.data)).slug;
  } catch (err) {
    return refusedForm(err, values);
  }
  redirect(`/organize/${slug}`);
}
