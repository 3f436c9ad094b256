import { describe, expect, it } from 'vitest';
import { CARET_COLOURS, caretColour, caretUser, notesSocketUrl } from './caret';

describe('notes carets', () => {
  it('gives a name always the same colour, from the palette', () => {
    expect(caretColour('Awa Diallo')).toBe(caretColour('Awa Diallo'));
    expect(CARET_COLOURS).toContain(caretColour('Camille (invité·e 1a2b)'));
    const colours = new Set(['Awa', 'Bruno', 'Chloé', 'Dmitri', 'Élise', 'Farid', 'Gwen', 'Hugo'].map(caretColour));
    expect(colours.size).toBeGreaterThan(3);
  });

  it('never shows an empty or endless name', () => {
    expect(caretUser('  ', 'Anonyme').name).toBe('Anonyme');
    expect(caretUser('x'.repeat(200), 'Anonyme').name).toHaveLength(60);
    expect(caretUser('Awa', 'Anonyme')).toEqual({ name: 'Awa', color: caretColour('Awa') });
  });

  it('speaks to the same host, over TLS when the page does', () => {
    expect(notesSocketUrl({ protocol: 'https:', host: 'chemins.example' })).toBe('wss://chemins.example/api/notes');
    expect(notesSocketUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/api/notes');
  });
});
