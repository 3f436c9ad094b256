import webvttParser from 'webvtt-parser';
import { CAPTION_LANGS } from '../realtime/protocol';

// Live captions (issue 29): the caption language of a session, the WebVTT of a recording built
// from the lines typed during it, its plain transcript, and the check of an uploaded WebVTT.

export type CaptionLang = (typeof CAPTION_LANGS)[number];

/** The language of a line sent without one: the session's, when captions are offered in it; else French. */
export const captionLangOf = (sessionLanguage: string | null | undefined): CaptionLang =>
  (CAPTION_LANGS as readonly string[]).includes(sessionLanguage ?? '') ? (sessionLanguage as CaptionLang) : 'fr';

/** A stored line, as the WebVTT and the transcript read it. */
export type StoredLine = { text: string; speaker: string | null; at: Date };

/** How long a cue stays on screen at most when no line follows it. */
export const CUE_MAX_SECONDS = 4;

/** `hh:mm:ss.ttt`, as WebVTT writes a cue's time. */
export function vttTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Text safe inside a cue: `&`, `<`, `>` escaped, and no blank line or `-->` (which would end the cue). */
const cueText = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
/** A voice span's annotation: no `>` nor line break. */
const voiceName = (s: string) => s.replace(/[<>&\r\n]/g, ' ').replace(/\s+/g, ' ').trim();

export type Cue = { start: number; end: number; text: string; speaker: string | null };

/**
 * The cues of a recording: each line said between its start and its end (`durationSeconds`; none
 * known: every later line), timed from the recording's start, shown until the next line or for
 * `CUE_MAX_SECONDS`, and clipped to the duration. Lines sorted by time.
 */
export function cuesOf(lines: readonly StoredLine[], recording: { startedAt: Date; durationSeconds: number | null }): Cue[] {
  const duration = recording.durationSeconds ?? Infinity;
  const offsets = [...lines]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((l) => ({ ...l, start: Math.round(l.at.getTime() - recording.startedAt.getTime()) / 1000 }))
    .filter((l) => l.start >= 0 && l.start < duration);
  return offsets.map((l, i) => {
    const next = offsets[i + 1]?.start ?? Infinity;
    const end = Math.min(next > l.start ? next : l.start + CUE_MAX_SECONDS, l.start + CUE_MAX_SECONDS, duration);
    return { start: l.start, end: end > l.start ? end : Math.min(l.start + 0.001, duration), text: l.text, speaker: l.speaker };
  });
}

/** A WebVTT file of cues, with `<v Speaker>` voice spans where the speaker is known. */
export function webVttOf(cues: readonly Cue[]): string {
  const blocks = cues.map((c, i) => {
    const who = c.speaker ? voiceName(c.speaker) : '';
    return `${i + 1}\n${vttTime(c.start)} --> ${vttTime(c.end)}\n${who ? `<v ${who}>` : ''}${cueText(c.text)}`;
  });
  return ['WEBVTT', '', ...blocks.flatMap((b) => [b, ''])].join('\n');
}

/** The recording's WebVTT built from the lines typed during it; null when none was. */
export function buildWebVtt(lines: readonly StoredLine[], recording: { startedAt: Date; durationSeconds: number | null }): string | null {
  const cues = cuesOf(lines, recording);
  return cues.length ? webVttOf(cues) : null;
}

/** The plain transcript: one paragraph per speaker's turn (`Name : text` / `Name: text`). */
export function transcriptOf(lines: readonly StoredLine[], lang: string): string {
  const colon = lang === 'fr' ? ' : ' : ': ';
  const turns: { speaker: string | null; texts: string[] }[] = [];
  for (const l of lines) {
    const last = turns.at(-1);
    if (last && last.speaker === l.speaker) last.texts.push(l.text);
    else turns.push({ speaker: l.speaker, texts: [l.text] });
  }
  return turns.map((t) => `${t.speaker ? `${t.speaker}${colon}` : ''}${t.texts.join(' ')}`).join('\n\n');
}

export type VttCheck = { ok: true; cues: { start: number; end: number; text: string }[] } | { ok: false; reason: string };

/** Check a WebVTT file with the parser (webvtt-parser): its first error, with its line, is the reason. */
export function checkWebVtt(text: string): VttCheck {
  const { cues, errors } = new webvttParser.WebVTTParser().parse(text, 'metadata');
  const first = errors[0];
  if (first) return { ok: false, reason: `line ${first.line}: ${first.message}` };
  return { ok: true, cues: cues.map((c) => ({ start: c.startTime, end: c.endTime, text: c.text })) };
}

/** The plain text of a cue (voice spans and other tags removed, entities read). */
export const cuePlainText = (text: string) =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
