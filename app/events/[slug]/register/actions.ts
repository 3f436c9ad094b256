'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { openLinkSession } from '@/db/queries/identity';
import { register } from '@/db/queries/registrations';
import { registrationRequest } from '@/lib/domain/registration';
import { DomainError } from '@/lib/errors';
import { currentLinkRegistrationId, currentUser } from '@/server/auth/current';
import { linkCookie } from '@/server/auth/link-cookie';
import { clientAddressOf, mailAllowed } from '@/server/http/rate-limit';

export type RegisterState = {
  error?: string;
  fields?: string[];
  /** Keys of the questions whose answer was refused. */
  answerErrors?: string[];
  values?: Record<string, string>;
  sessionIds?: string[];
  at?: number;
} | null;

/** The registration form's server action: same rules as the public API, works without JavaScript. */
export async function registerAction(eventSlug: string, _prev: RegisterState, form: FormData): Promise<RegisterState> {
  const values: Record<string, string> = {
    name: String(form.get('name') ?? ''),
    email: String(form.get('email') ?? ''),
    invitationCode: String(form.get('invitationCode') ?? ''),
  };
  const sessionIds = form.getAll('sessionIds').map(String);
  // Answers come as `answers.<key>` fields (checkboxes of a multiple choice repeat the name).
  const answers: Record<string, string | string[]> = {};
  for (const name of new Set([...form.keys()].filter((k) => k.startsWith('answers.')))) {
    const all = form.getAll(name).map(String);
    answers[name.slice(8)] = all.length > 1 ? all : all[0]!;
  }
  for (const [k, v] of Object.entries(answers)) values[`answers.${k}`] = Array.isArray(v) ? v.join('\n') : v;
  const parsed = registrationRequest.safeParse({
    name: values.name,
    email: values.email,
    sessionIds,
    answers,
    invitationCode: values.invitationCode.trim() || undefined,
    consent: form.get('consent') === 'on' ? true : false,
  });
  if (!parsed.success) {
    return { error: 'invalid', fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))], values, sessionIds, at: Date.now() };
  }
  // The same limits as the public API: each registration sends a mail.
  const address = clientAddressOf(await headers());
  if ((await mailAllowed(address, parsed.data.email)) !== null) return { error: 'rate_limited', values, sessionIds, at: Date.now() };
  let result: Awaited<ReturnType<typeof register>>;
  try {
    const [holder, user] = await Promise.all([currentLinkRegistrationId(), currentUser()]);
    result = await register(eventSlug, parsed.data, (await getLocale()) === 'en' ? 'en' : 'fr', { holder, provenEmail: user?.email });
  } catch (err) {
    if (err instanceof DomainError) {
      const fields = Object.keys(err.fields ?? {}).map((f) => (f.startsWith('answers.') ? 'answers' : f));
      return { error: err.code, fields: [...new Set(fields)], answerErrors: Object.keys(err.fields ?? {}).filter((f) => f.startsWith('answers.')).map((f) => f.slice(8)), values, sessionIds, at: Date.now() };
    }
    throw err;
  }
  // Someone else's registration (nothing changed): its link was mailed to the address.
  if (result.mailed) redirect(`/events/${encodeURIComponent(eventSlug)}/register/sent`);
  // The holder's own registration, updated: their personal page.
  if (!result.created) redirect('/r');
  // This browser is now the registrant's, as if the personal link had been opened (`/r/{token}`).
  const opened = await openLinkSession(result.registration.joinToken);
  if (opened) (await cookies()).set(linkCookie(opened.secret, (await headers()).get('x-forwarded-proto') === 'https'));
  redirect('/r?new=1');
}
