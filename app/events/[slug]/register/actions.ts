'use server';

import { redirect } from 'next/navigation';
import { register } from '@/db/queries/registrations';
import { registrationRequest } from '@/lib/domain/registration';
import { DomainError } from '@/lib/errors';

export type RegisterState = { error?: string; fields?: string[]; values?: Record<string, string>; sessionIds?: string[]; at?: number } | null;

/** The registration form's server action: same rules as the public API, works without JavaScript. */
export async function registerAction(eventSlug: string, _prev: RegisterState, form: FormData): Promise<RegisterState> {
  const values = {
    name: String(form.get('name') ?? ''),
    email: String(form.get('email') ?? ''),
    invitationCode: String(form.get('invitationCode') ?? ''),
  };
  const sessionIds = form.getAll('sessionIds').map(String);
  const parsed = registrationRequest.safeParse({
    name: values.name,
    email: values.email,
    sessionIds,
    invitationCode: values.invitationCode.trim() || undefined,
    consent: form.get('consent') === 'on' ? true : false,
  });
  if (!parsed.success) {
    return { error: 'invalid', fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))], values, sessionIds, at: Date.now() };
  }
  let token: string;
  try {
    token = (await register(eventSlug, parsed.data)).registration.joinToken;
  } catch (err) {
    if (err instanceof DomainError) return { error: err.code, fields: Object.keys(err.fields ?? {}), values, sessionIds, at: Date.now() };
    throw err;
  }
  redirect(`/r/${token}?new=1`);
}
