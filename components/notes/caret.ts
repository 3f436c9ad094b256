import { NOTES_PATH } from '@/lib/domain/notes';

// The caret each writer shows in the shared notes: their name and a colour of their own, the same
// on every screen and at every visit (derived from the name, nothing stored). Pure: unit-tested.

/** Dark enough for white text on it (WCAG AA, 4.5:1), distinct from one another. */
export const CARET_COLOURS = ['#0f5c4d', '#9a3412', '#1d4ed8', '#7e22ce', '#be123c', '#166534', '#a16207', '#0e7490', '#4338ca', '#b91c1c'] as const;

/** A colour for a name: the same name, the same colour (FNV-1a over its UTF-16 code units). */
export function caretColour(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return CARET_COLOURS[h % CARET_COLOURS.length]!;
}

/** The caret's user: its name (cut to 60 characters, never empty) and colour. */
export function caretUser(name: string, fallback: string): { name: string; color: string } {
  const shown = name.trim().slice(0, 60) || fallback;
  return { name: shown, color: caretColour(shown) };
}

/** The address of the notes' WebSocket on this page's host (`wss:` under https). */
export function notesSocketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${NOTES_PATH}`;
}

