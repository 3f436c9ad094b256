'use server';

import { cookies, headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { openLinkSession } from '@/db/queries/identity';
import { register } from '@/db/queries/registrations';
import { registrationRequest } from '@/lib/domain/registration';
import { stateAction } from '@/server/actions/form-action';
import { linkCookie } from '@/server/auth/link-cookie';
import { clientAddressOf, mailAllowed } from '@/server/http/rate-limit';

export type RegisterState = {
  error?: string;
  fields?: string[];
  /** Keys of the questions whose answer was refused. */
  answerErrors?: string[];
  values?: Record<string, string>;
  sessionIds?: string[];
  /** The modes chosen for hybrid sessions (`modes.<sessionId>` radios), shown again with a refusal. */
  modes?: Record<string, string>;
  at?: number;
} | null;

const sessionIdsOf = (form: FormData) => form.getAll('sessionIds').map(String);

/** The modes chosen (`modes.<sessionId>`), for the sessions ticked only: a mode goes with its session. */
function modesOf(form: FormData): Record<string, string> {
  const ticked = new Set(sessionIdsOf(form));
  const modes: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith('modes.') && ticked.has(name.slice(6))) modes[name.slice(6)] = String(value);
  }
  return modes;
}

/** The answers: `answers.<key>` fields (checkboxes of a multiple choice repeat the name). */
function answersOf(form: FormData): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  for (const name of new Set([...form.keys()].filter((k) => k.startsWith('answers.')))) {
    const all = form.getAll(name).map(String);
    answers[name.slice(8)] = all.length > 1 ? all : all[0]!;
  }
  return answers;
}

/** The values typed, shown again with a refusal (a multiple choice's answers one per line). */
function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {
    name: String(form.get('name') ?? ''),
    email: String(form.get('email') ?? ''),
    invitationCode: String(form.get('invitationCode') ?? ''),
  };
  for (const [k, v] of Object.entries(answersOf(form))) values[`answers.${k}`] = Array.isArray(v) ? v.join('\n') : v;
  return values;
}

/** The registration form's server action: same rules as the public API, works without JavaScript. */
export const registerAction = stateAction<RegisterState, [eventSlug: string], typeof registrationRequest, 'holder'>(
  {
    who: 'holder',
    schema: registrationRequest,
    values: typedValues,
    prepare: (values, form) => ({
      name: values.name,
      email: values.email,
      sessionIds: sessionIdsOf(form),
      modes: modesOf(form),
      answers: answersOf(form),
      invitationCode: values.invitationCode!.trim() || undefined,
      consent: form.get('consent') === 'on' ? true : false,
      // What drove the registration (kept for the visit: components/RegistrationSource.tsx); ignored when unknown.
      source: form.get('source') ?? undefined,
    }),
    invalid: (error, values, form): RegisterState => ({
      error: 'invalid',
      fields: [...new Set(error.issues.map((i) => String(i.path[0])))],
      values,
      sessionIds: sessionIdsOf(form),
      modes: modesOf(form),
      at: Date.now(),
    }),
    refused: (err, values, form): RegisterState => {
      const fields = Object.keys(err.fields ?? {}).map((f) => (f.startsWith('answers.') ? 'answers' : f));
      return {
        error: err.code,
        fields: [...new Set(fields)],
        answerErrors: Object.keys(err.fields ?? {}).filter((f) => f.startsWith('answers.')).map((f) => f.slice(8)),
        values,
        sessionIds: sessionIdsOf(form),
        modes: modesOf(form),
        at: Date.now(),
      };
    },
  },
  async ({ who, input, values, form }, eventSlug: string): Promise<string | RegisterState> => {
    // The same limits as the public API: each registration sends a mail.
    const address = clientAddressOf(await headers());
    if ((await mailAllowed(address, input.email)) !== null) return { error: 'rate_limited', values, sessionIds: sessionIdsOf(form), modes: modesOf(form), at: Date.now() };
    const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
    const result = await register(eventSlug, input, locale, { holder: who.linkRegistrationId, provenEmail: who.user?.email });
    // Someone else's registration (nothing changed): its link was mailed to the address.
    if (result.mailed) return `/events/${encodeURIComponent(eventSlug)}/register/sent`;
    // The holder's own registration, updated: their personal page.
    if (!result.created) return '/r?done=1';
    // This browser is now the registrant's, as if the personal link had been opened (`/r/{token}`).
    const opened = await openLinkSession(result.registration.joinToken);
    if (opened) (await cookies()).set(linkCookie(opened.secret, (await headers()).get('x-forwarded-proto') === 'https'));
    // Registered by the signed-in owner of the address: theirs and proven at once (register_set),
    // so their places are on the personal page, with no mail to wait for.
    return who.user?.email.toLowerCase() === input.email.toLowerCase() ? '/r?new=account' : '/r?new=1';
  },
);
