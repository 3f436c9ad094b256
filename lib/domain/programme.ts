import { z } from 'zod';
import { diffusionFields } from './diffusion';
import { SLUG_PATTERN } from '../validation';

const slug = z
  .string()
  .trim()
  .min(3)
  .max(80)
  .regex(SLUG_PATTERN, 'lower-case letters, digits and hyphens');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const optionalKey = z
  .string()
  .trim()
  .max(80)
  .optional()
  .transform((v) => v || undefined);

/** A programme session as an organizer edits it: local date and times in the event's zone. */
export const sessionInput = z
  .object({
    title: z.string().trim().min(1, 'required').max(300),
    /** Left empty: made from the title (db/queries/programme-admin.ts `saveSession`). */
    slug: z.preprocess((v) => (typeof v === 'string' && !v.trim() ? undefined : v), slug.optional()),
    kind: z.enum(['plenary', 'session', 'workshop', 'round_table', 'short_talk', 'side_event', 'social']),
    status: z.enum(['confirmed', 'tentative', 'cancelled']).default('confirmed'),
    visibility: z.enum(['public', 'invitation']).default('public'),
    mode: z.enum(['onsite', 'online', 'hybrid']).default('onsite'),
    capacity: z.preprocess(
      (v) => (v === '' || v === null || v === undefined ? null : v),
      z.coerce.number().int().min(1).max(100_000).nullable(),
    ),
    language: z.string().trim().min(2).max(10).default('fr'),
    day: localDate,
    start: localTime,
    end: localTime,
    room: optionalKey,
    track: optionalKey,
    description: z.string().max(20_000).default(''),
    /** Guests (no registration) may ask, chat and answer polls in this session. */
    guestsWrite: z
      .enum(['no', 'yes'])
      .default('no')
      .transform((v) => v === 'yes'),
    /**
     * The room's QR code: `auto` (guests admitted on site and hybrid, not online), `guests` or
     * `registration` (stored as `roomQrGuests`: null, true, false).
     */
    roomQr: z
      .enum(['auto', 'guests', 'registration'])
      .default('auto')
      .transform((v) => (v === 'auto' ? null : v === 'guests')),
    /** Registrants are told the session is recorded (a workshop can be recorded only then). */
    recordingAnnounced: z
      .enum(['no', 'yes'])
      .default('no')
      .transform((v) => v === 'yes'),
    /** Recording starts when the room goes live. */
    autoRecord: z
      .enum(['no', 'yes'])
      .default('no')
      .transform((v) => v === 'yes'),
    /** Where no captioner types, captions are recognised from the speakers' audio (server/asr, issue 29). */
    recognisedCaptions: z
      .enum(['no', 'yes'])
      .default('no')
      .transform((v) => v === 'yes'),
    /** `draft`: kept off the public programme and registration until published (issue 34). */
    publication: z.enum(['draft', 'published']).default('published'),
    /** The overflow audience's switch-over (lib/domain/diffusion.ts): `no`, `always`, `above` N viewers. */
    ...diffusionFields,
  })
  .strict()
  .refine((v) => v.end > v.start, { path: ['end'], message: 'a session cannot end before it starts', params: { code: 'end_before_start' } })
  .refine((v) => v.diffusion !== 'above' || v.diffusionAbove !== null, { path: ['diffusionAbove'], message: 'give the number of viewers', params: { code: 'required' } });

export type SessionInput = z.output<typeof sessionInput>;

export const roomInput = z
  .object({
    key: slug,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['physical', 'online']),
    capacity: z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().min(1).max(100_000).nullable()),
  })
  .strict();

export const trackInput = z.object({ key: slug, name: z.string().trim().min(1).max(200) }).strict();

export const eventInput = z
  .object({
    slug,
    title: z.string().trim().min(1).max(300),
    description: z.string().max(20_000).default(''),
    location: z.string().trim().max(300).optional(),
    timeZone: z.string().refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, { message: 'unknown time zone', params: { code: 'time_zone' } }),
    firstDay: localDate,
    lastDay: localDate,
  })
  .strict()
  .refine((v) => v.lastDay >= v.firstDay, { path: ['lastDay'], message: 'the event cannot end before it starts', params: { code: 'event_ends_before_start' } });
