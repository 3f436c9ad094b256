'use server';

import { cookies, headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { closeLinkSession } from '@/db/queries/identity';
import { addSessionsForPerson, cancelForPerson, changeModeForPerson, isTheirs, type Person } from '@/db/queries/my-registrations';
import { seatMode } from '@/lib/domain/registration';
import { renewCalendarToken } from '@/db/queries/registrations';
import { setAfterSessionMails } from '@/db/queries/feedback/opt-out';
import { JOIN_COOKIE } from '@/lib/realtime/protocol';
import { type Holder, redirectAction } from '@/server/actions/form-action';
import { clientAddressOf } from '@/server/http/rate-limit';

const personOf = (who: Holder): Person => ({ linkRegistrationId: who.linkRegistrationId, userId: who.user?.id ?? null });

const cancelForm = z.object({ registrationId: z.uuid(), sessionId: z.uuid().optional() });

/** Cancel one seat (a `sessionId` field) or a whole registration of the person, from the personal page. */
export const cancelAction = redirectAction(
  {
    who: 'holder',
    schema: cancelForm,
    prepare: (_values, form) => ({ registrationId: form.get('registrationId'), sessionId: form.get('sessionId') ?? undefined }),
    // A refusal (not theirs, already cancelled) changes nothing: the page shows what is.
    invalid: () => '/r?done=1',
    refused: () => '/r?done=1',
  },
  async ({ who, input }) => {
    await cancelForPerson(personOf(who), input.registrationId, input.sessionId);
    return '/r?done=1';
  },
);

const modeForm = z.object({ registrationId: z.uuid(), sessionId: z.uuid(), mode: seatMode });

/**
 * Attend a hybrid session on site or online instead, from the personal page: only to a mode with a
 * free seat for a confirmed seat (`change_seat_mode`); a refusal is said on the page.
 */
export const changeModeAction = redirectAction(
  {
    who: 'holder',
    schema: modeForm,
    prepare: (_values, form) => ({ registrationId: form.get('registrationId'), sessionId: form.get('sessionId'), mode: form.get('mode') }),
    invalid: () => '/r?error=invalid',
    refused: (err) => `/r?error=${encodeURIComponent(err.code)}`,
  },
  async ({ who, input }) => {
    const changed = await changeModeForPerson(personOf(who), input.registrationId, input.sessionId, input.mode);
    return changed ? `/r?mode=${changed.mode}` : '/r?done=1';
  },
);

/** This browser stops being the registrant's (its link session ends; the personal link still works). */
export const forgetAction = redirectAction({ who: 'anyone' }, async () => {
  const jar = await cookies();
  const secret = jar.get(JOIN_COOKIE)?.value;
  if (secret) await closeLinkSession(secret);
  jar.delete(JOIN_COOKIE);
  return '/r?forgotten=1';
});

const registrationForm = z.object({ registrationId: z.uuid() });

/** A new calendar feed address for one of the person's registrations (the old one stops working). */
export const renewCalendarAction = redirectAction(
  { who: 'holder', schema: registrationForm, prepare: (_values, form) => ({ registrationId: form.get('registrationId') }), invalid: () => '/r?calendar=1' },
  async ({ who, input }) => {
    if (await isTheirs(personOf(who), input.registrationId)) await renewCalendarToken(input.registrationId);
    return '/r?calendar=1';
  },
);

const addForm = z.object({
  registrationId: z.uuid(),
  sessionIds: z.array(z.uuid()).min(1).max(100),
  invitationCode: z.string().trim().min(1).max(100).optional(),
});

/**
 * Add sessions to one of the person's registrations, from the personal page. The rules are the
 * registration's (`addSessionsForPerson` → `register_set`): a full session gives a place on its
 * waiting list, one by invitation needs its code. Each addition mails a confirmation: the same
 * per-address limit as the registration form.
 */
export const addSessionsAction = redirectAction(
  {
    who: 'holder',
    schema: addForm,
    limit: async () => ['mailPerAddress', clientAddressOf(await headers())],
    prepare: (_values, form) => ({
      registrationId: form.get('registrationId'),
      sessionIds: form.getAll('sessionIds').map(String),
      invitationCode: String(form.get('invitationCode') ?? '').trim() || undefined,
    }),
    invalid: () => '/r?error=none_chosen',
    limited: () => '/r?error=rate_limited',
    refused: (err) => `/r?error=${encodeURIComponent(err.code)}`,
  },
  async ({ who, input }) => {
    const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
    const added = await addSessionsForPerson(personOf(who), input.registrationId, input, locale);
    return added ? '/r?added=1' : '/r?done=1';
  },
);

const afterSessionForm = z.object({ registrationId: z.uuid(), on: z.boolean() });

/** The mails after the sessions (feedback request, "you missed it", "the replay is ready"), on or off for one of the person's registrations. */
export const afterSessionMailsAction = redirectAction(
  {
    who: 'holder',
    schema: afterSessionForm,
    prepare: (_values, form) => ({ registrationId: form.get('registrationId'), on: form.get('on') === 'on' }),
    invalid: () => '/r',
  },
  async ({ who, input }) => {
    if (await isTheirs(personOf(who), input.registrationId)) await setAfterSessionMails(input.registrationId, input.on);
    return `/r?afterSession=${input.registrationId}`;
  },
);
