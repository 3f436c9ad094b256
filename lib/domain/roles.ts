import { z } from 'zod';
import { emailSchema } from '../validation';

const slug = z.string().trim().min(1).max(200).optional().transform((v) => v || undefined);

/** A role grant request: per-event roles need an event, `coordinator` a path, `admin` neither. */
export const grantSchema = z
  .object({
    email: emailSchema,
    role: z.enum(['admin', 'organizer', 'moderator', 'speaker', 'coordinator']),
    eventSlug: slug,
    pathSlug: slug,
  })
  .strict()
  .superRefine((v, ctx) => {
    const perEvent = v.role === 'organizer' || v.role === 'moderator' || v.role === 'speaker';
    if (perEvent && !v.eventSlug) ctx.addIssue({ code: 'custom', path: ['eventSlug'], message: 'This role is given for one event: choose it.' });
    if (!perEvent && v.eventSlug) ctx.addIssue({ code: 'custom', path: ['eventSlug'], message: 'This role is not given per event.' });
    if (v.role === 'coordinator' && !v.pathSlug) ctx.addIssue({ code: 'custom', path: ['pathSlug'], message: 'Coordinators are given one path: choose it.' });
    if (v.role !== 'coordinator' && v.pathSlug) ctx.addIssue({ code: 'custom', path: ['pathSlug'], message: 'Only coordinators are given a path.' });
  });

export type GrantRequest = z.infer<typeof grantSchema>;
