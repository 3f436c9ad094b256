import { z } from 'zod';
import { emailSchema, plainText } from '../validation';
import { isRegistrationSource } from './registration-source';

/** The source of a value as sent (form, API body, `?via=`), or undefined: never a refusal. */
const registrationSource = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => (isRegistrationSource(v) ? v : undefined))
  .describe('What drove the registration (optional; kept when known, else ignored): `mail:<kind>` for a Chemins mail’s link, or a slug of [a-z0-9-] (≤ 40) from a link an organizer shared');

const answerValue = z.union([
  plainText({ multiLine: true }).pipe(z.string().max(2000)),
  z.array(plainText().pipe(z.string().max(200))).max(50),
  z.boolean(),
]);

/** Where a seat is: a chair on site or an online seat (a hybrid session offers both). */
export const SEAT_MODES = ['onsite', 'online'] as const;
export type SeatMode = (typeof SEAT_MODES)[number];
export const seatMode = z.enum(SEAT_MODES);

/** Body of `POST /api/events/{event}/registrations` (public contract). */
export const registrationRequest = z
  .object({
    name: plainText().pipe(z.string().trim().min(1, 'required').max(200)),
    email: emailSchema,
    sessionIds: z.array(z.uuid()).max(100).optional().default([]),
    /** A hybrid session's seat on site or online (online when not said); keys among `sessionIds`. */
    modes: z.record(z.uuid(), seatMode).optional(),
    answers: z.record(plainText().pipe(z.string().max(100)), answerValue).optional().default({}),
    invitationCode: plainText().pipe(z.string().trim().min(1).max(100)).optional(),
    consent: z.literal(true, { message: 'the privacy notice must be accepted' }),
    /** What drove the registration (lib/domain/registration-source.ts): kept when known, else ignored, never refused. */
    source: registrationSource.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    for (const id of Object.keys(r.modes ?? {})) {
      if (!r.sessionIds.includes(id)) ctx.addIssue({ code: 'custom', path: ['modes', id], message: 'not among sessionIds' });
    }
  });

export type RegistrationRequest = z.output<typeof registrationRequest>;

export type SeatStatus = 'confirmed' | 'waitlisted';

/** `POST /api/registrations/{token}/mode` and the personal page: a hybrid session's seat on site or online. */
export const seatModeRequest = z.object({ sessionId: z.uuid(), mode: seatMode }).strict();

/**
 * What a registration request answers publicly. The personal link (`joinToken`) is the key to a
 * registration, so it goes only to the request that created it; anyone can send someone else's
 * e-mail address again, and that person's link then goes to their mailbox only (a confirmation
 * mail is queued for every repeat).
 */
export function publicRegistration<R extends { joinToken: string }>(created: boolean, registration: R): Omit<R, 'joinToken'> | R {
  if (created) return registration;
  const { joinToken: _withheld, ...rest } = registration;
  return rest;
}

/** `POST /api/registrations/{token}/cancel`: one seat (`sessionId`), or the whole registration (`{}`, or no body). */
export const cancelRequest = z.object({ sessionId: z.uuid().optional() }).strict();
