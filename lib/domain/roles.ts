import { z } from 'zod';
import { emailSchema } from '../validation';

/** The roles `/admin` grants (committees come from a call's committee). */
export const GRANTABLE_ROLES = ['admin', 'organizer', 'moderator', 'speaker', 'captioner', 'coordinator'] as const;

const slug = z.string().trim().min(1).max(200).optional().transform((v) => v || undefined);

/**
 * A role grant request; every grant has its scope (lib/policy): `organizer` an event; `speaker` a
 * session of an event; `captioner` a session of an event (types its live captions); `moderator` a session of an event, or the event alone for every session
 * of it; `coordinator` a path; `admin` none.
 */
export const grantSchema = z
  .object({
    email: emailSchema,
    role: z.enum(GRANTABLE_ROLES),
    eventSlug: slug,
    sessionSlug: slug,
    pathSlug: slug,
  })
  .strict()
  .superRefine((v, ctx) => {
    const oneSession = v.role === 'speaker' || v.role === 'captioner';
    const perEvent = v.role === 'organizer' || v.role === 'moderator' || oneSession;
    const perSession = v.role === 'moderator' || oneSession;
    if (perEvent && !v.eventSlug) ctx.addIssue({ code: 'custom', path: ['eventSlug'], message: 'This role is given for one event: choose it.' });
    if (!perEvent && v.eventSlug) ctx.addIssue({ code: 'custom', path: ['eventSlug'], message: 'This role is not given per event.' });
    if (oneSession && !v.sessionSlug) ctx.addIssue({ code: 'custom', path: ['sessionSlug'], message: 'Speakers and captioners are given one session: name it.' });
    if (!perSession && v.sessionSlug) ctx.addIssue({ code: 'custom', path: ['sessionSlug'], message: 'Only speakers, captioners and moderators are given a session.' });
    if (v.role === 'coordinator' && !v.pathSlug) ctx.addIssue({ code: 'custom', path: ['pathSlug'], message: 'Coordinators are given one path: choose it.' });
    if (v.role !== 'coordinator' && v.pathSlug) ctx.addIssue({ code: 'custom', path: ['pathSlug'], message: 'Only coordinators are given a path.' });
  });

export type GrantRequest = z.infer<typeof grantSchema>;
