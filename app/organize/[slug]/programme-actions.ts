'use server';

import { z } from 'zod';
import { generateInvitationCode, saveQuestion, saveRoom, saveSession, saveTrack, updateEvent } from '@/db/queries/programme-admin';
import { grantSessionRole, revokeSessionRole, SESSION_GRANT_ROLES } from '@/db/queries/roles';
import { emailSchema } from '@/lib/validation';
import { eventInput, roomInput, sessionInput, trackInput } from '@/lib/domain/programme';
import { questionInput } from '@/lib/domain/questions';
import { interpretationLangSchema } from '@/lib/domain/interpretation';
import { formAction } from '@/server/actions/form-action';

// Every organizer form: signed in, validated with zod, one domain function, then back to the
// organizer page at its anchor, or the refusal with the values typed (server/actions/form-action.ts).
const back = (eventSlug: string) => `/organize/${eventSlug}`;
// The confirmation (#saved) is shown and focused; it links back to the section saved (`saved=`).
const saved = (eventSlug: string, anchor: string) => `/organize/${eventSlug}?saved=${anchor}#saved`;

export const saveSessionAction = formAction(
  { schema: sessionInput, signIn: (eventSlug: string, _sessionId: string | null) => back(eventSlug) },
  async ({ who, input }, eventSlug, sessionId) => {
    await saveSession(who.id, eventSlug, input, sessionId ?? undefined);
    return saved(eventSlug, 'programme');
  },
);

// A session's people (its page, #people): a role given to an address on this session only.
const sessionPage = (eventSlug: string, sessionId: string, notice: string) => `/organize/${eventSlug}/sessions/${sessionId}?${notice}=1#people-saved`;

export const grantSessionRoleAction = formAction(
  {
    // `lang`: an interpreter's language (the form's "—" for any other role).
    schema: z
      .object({ email: emailSchema, role: z.enum(SESSION_GRANT_ROLES), lang: z.union([z.literal(''), interpretationLangSchema]).optional().transform((v) => v || undefined) })
      .strict(),
    signIn: (eventSlug: string, _sessionId: string) => back(eventSlug),
  },
  async ({ who, input }, eventSlug, sessionId) => {
    await grantSessionRole(who.id, eventSlug, sessionId, input);
    return sessionPage(eventSlug, sessionId, 'granted');
  },
);

export const revokeSessionRoleAction = formAction(
  { signIn: (eventSlug: string, _sessionId: string, _grantId: string) => back(eventSlug) },
  async ({ who }, eventSlug, sessionId, grantId) => {
    await revokeSessionRole(who.id, eventSlug, sessionId, grantId);
    return sessionPage(eventSlug, sessionId, 'revoked');
  },
);

export const saveRoomAction = formAction({ schema: roomInput, signIn: back }, async ({ who, input }, eventSlug: string) => {
  await saveRoom(who.id, eventSlug, input);
  return saved(eventSlug, 'rooms');
});

export const saveTrackAction = formAction({ schema: trackInput, signIn: back }, async ({ who, input }, eventSlug: string) => {
  await saveTrack(who.id, eventSlug, input);
  return saved(eventSlug, 'rooms');
});

export const saveQuestionAction = formAction({ schema: questionInput, signIn: back }, async ({ who, input }, eventSlug: string) => {
  await saveQuestion(who.id, eventSlug, input);
  return saved(eventSlug, 'questions');
});

const codeInput = z
  .object({
    sessionId: z.union([z.uuid(), z.literal('')]).transform((v) => v || undefined),
    maxUses: z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().min(1).max(100_000).nullable()),
  })
  .strict();

export const generateCodeAction = formAction({ schema: codeInput, signIn: back }, async ({ who, input }, eventSlug: string) => {
  await generateInvitationCode(who.id, eventSlug, input);
  return saved(eventSlug, 'codes');
});

export const updateEventAction = formAction(
  { schema: eventInput.transform((v) => ({ ...v, location: v.location || undefined })), signIn: back },
  async ({ who, input }, eventSlug: string) => {
    await updateEvent(who.id, eventSlug, input);
    return saved(eventSlug, 'event');
  },
);
