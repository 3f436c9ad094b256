import { z } from 'zod';

// Interpretation channels and the pinned sign-language interpreter (issue 29): the languages an
// interpreter is granted, the name of their audio track, what a listener hears once they choose a
// language, which caption lines they read, and the stage's layout with a pinned participant.

/** The languages an interpreter may be granted (ISO 639-1); their names come from `Intl.DisplayNames`. */
export const INTERPRETATION_LANGS = ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl', 'ar', 'uk'] as const;
export type InterpretationLang = (typeof INTERPRETATION_LANGS)[number];
export const interpretationLangSchema = z.enum(INTERPRETATION_LANGS);

/** A language's name in the reader's language ("anglais", "English"), capitalised; the code itself if unknown. */
export function languageName(lang: string, locale: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language' }).of(lang);
  } catch {
    name = undefined;
  }
  const n = name ?? lang;
  return n.charAt(0).toLocaleUpperCase(locale) + n.slice(1);
}

/** The LiveKit participant attribute the server sets in an interpreter's token (participants cannot set their own). */
export const INTERPRETATION_ATTRIBUTE = 'interpretation';

/** The name of an interpreter's audio track. */
export const interpretationTrackName = (lang: string) => `interpretation:${lang}`;

/**
 * The language of an interpretation track, or null when it is not one: the track is named
 * `interpretation:<lang>` AND its participant carries the same language in the attribute the
 * server set (so nobody turns their microphone into a channel by naming a track).
 */
export function interpretationLangOf(trackName: string, attributes: Readonly<Record<string, string>>): string | null {
  const m = /^interpretation:([a-z]{2})$/.exec(trackName);
  return m && attributes[INTERPRETATION_ATTRIBUTE] === m[1] ? m[1] : null;
}

/** How loud the original speakers stay under a chosen interpretation (heard quietly, not muted). */
export const ORIGINAL_VOLUME_UNDER_INTERPRETATION = 0.15;

/**
 * What a listener hears of one audio track: `chosen` the language they listen to (null: the
 * original). An interpretation track plays at full volume in the chosen language only (it is not
 * even subscribed otherwise); the original is lowered while a language is chosen.
 */
export function audioPlan(trackLang: string | null, chosen: string | null): { subscribe: boolean; volume: number } {
  if (trackLang) return trackLang === chosen ? { subscribe: true, volume: 1 } : { subscribe: false, volume: 0 };
  return { subscribe: true, volume: chosen ? ORIGINAL_VOLUME_UNDER_INTERPRETATION : 1 };
}

/**
 * The caption lines a listener reads: those of the chosen language when there are some, else the
 * original's (the lines in none of the interpretation languages on offer; all lines when every
 * line is in one of them).
 */
export function captionLinesFor<L extends { lang: string }>(lines: readonly L[], chosen: string | null, channels: readonly string[]): L[] {
  if (chosen && lines.some((l) => l.lang === chosen)) return lines.filter((l) => l.lang === chosen);
  const original = lines.filter((l) => !channels.includes(l.lang));
  return original.length || !channels.length ? original : [...lines];
}

/**
 * The stage's layout, by participant identity: the main area (a screen share, else the active
 * speaker, else the last one who spoke, else the first camera), the pinned participant kept large
 * beside it whoever speaks (when present and not the main one), and the strip of the others.
 */
export function stageLayout<T>(opts: {
  cameras: readonly T[];
  screen: T | null;
  identityOf: (t: T) => string;
  speaking: readonly string[];
  lastSpeaker: string | null;
  pin: string | null;
  /** A venue input publishing (the room's own camera, docs/api.md): the main area while it is live; a screen share then leads the strip. */
  venue?: T | null;
}): { main: T | null; pinned: T | null; strip: T[] } {
  const { cameras, identityOf, pin } = opts;
  const venue = opts.venue ?? null;
  const pinned = (pin && cameras.find((c) => identityOf(c) === pin)) || null;
  const others = cameras.filter((c) => c !== pinned);
  const speakingNow = others.find((c) => opts.speaking.includes(identityOf(c)));
  const main = venue ?? opts.screen ?? speakingNow ?? others.find((c) => identityOf(c) === opts.lastSpeaker) ?? others[0] ?? pinned;
  const screenFirst = venue && opts.screen ? [opts.screen] : [];
  return { main, pinned: pinned === main ? null : pinned, strip: [...screenFirst, ...others.filter((c) => c !== main)] };
}
