import { z } from 'zod';

/**
 * The overflow audience (issue 28, docs/diffusion.md): a *diffusion* session's audience may watch the
 * stage as HLS (LiveKit Egress writes it, Chemins serves it) instead of joining the WebRTC stage.
 * Stored as one number, `programme_sessions.diffusion_above`: null, no diffusion; 0, the audience
 * always watches HLS; N, new audience members watch HLS once the room holds N people.
 */

/** The organizer's form: `no`, `always` or `above` with a number of viewers. */
export const DIFFUSION_MODES = ['no', 'always', 'above'] as const;
export type DiffusionMode = (typeof DIFFUSION_MODES)[number];

/** The stored number from the form's two fields (undefined `above` with `above` is refused by `diffusionInput`). */
export function diffusionAboveOf(mode: DiffusionMode, above: number | null): number | null {
  if (mode === 'no') return null;
  if (mode === 'always') return 0;
  return above;
}

/** The form's two fields from the stored number. */
export function diffusionModeOf(diffusionAbove: number | null): { mode: DiffusionMode; above: number | null } {
  if (diffusionAbove === null) return { mode: 'no', above: null };
  return diffusionAbove === 0 ? { mode: 'always', above: null } : { mode: 'above', above: diffusionAbove };
}

/** The form's fields (part of `sessionInput`, lib/domain/programme.ts). */
export const diffusionFields = {
  diffusion: z.enum(DIFFUSION_MODES).default('no'),
  diffusionAbove: z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.number().int().min(1).max(1_000_000).nullable()),
};

/** Who stays on the WebRTC stage whatever the setting: the people who speak or run the session. */
const ON_STAGE = new Set(['speaker', 'moderator', 'organizer']);

/**
 * The switch-over, the one rule: does this person watch the session as HLS rather than join the
 * stage? Only in a diffusion session, only the audience (not speakers, moderators, organizers),
 * always or once `inRoom` (the people following the session live, this person not counted) reaches
 * the session's threshold. Decided when the person arrives: nobody is moved while watching.
 */
export function watchesDiffusion(diffusionAbove: number | null, person: { role: string; inRoom: number }): boolean {
  if (diffusionAbove === null || ON_STAGE.has(person.role)) return false;
  return person.inRoom >= diffusionAbove;
}

/**
 * Whether this person may choose the diffusion themselves (a lighter way to watch, the stage being
 * open to them): the audience of a diffusion session. The switch-over above decides who must.
 */
export function mayChooseDiffusion(diffusionAbove: number | null, role: string): boolean {
  return diffusionAbove !== null && !ON_STAGE.has(role);
}

/** HLS as egress writes it and Chemins serves it: the live playlist and its MPEG-TS segments. */
export const HLS_PLAYLIST = 'index.m3u8';
export const HLS_SEGMENT_SECONDS = 1;
/** The name egress gives segments (`index_00001.ts`); anything else is refused (no path traversal). */
export const hlsFileName = z.union([z.literal(HLS_PLAYLIST), z.string().regex(/^[A-Za-z0-9_-]{1,64}\.ts$/)]);

export const diffusionRequest = z.object({ action: z.enum(['start', 'stop']) }).strict();
export type DiffusionRequest = z.infer<typeof diffusionRequest>;
