import { describe, expect, it } from 'vitest';
import { checkAnswer, currentPoll, fold, foldWords, mayRunPolls, shapeCounts } from './polls';

const choice = { kind: 'single' as const, options: ['Oui', 'Non', 'Peut-être'] };
const code = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('word cloud folding', () => {
  it('folds case and accents, so that spellings of one word count together', () => {
    expect(fold('Écoute')).toBe('ecoute');
    expect(foldWords('  ÉCOUTE ')).toBe('ecoute');
    expect(foldWords('écoute')).toBe(foldWords('Ecoute'));
    expect(foldWords('Œuvre çà')).toBe('œuvre ca');
  });

  it('leaves out French and English stop words, elisions and punctuation', () => {
    expect(foldWords("l'écoute")).toBe('ecoute');
    expect(foldWords('L’Écoute !')).toBe('ecoute');
    expect(foldWords('la confiance')).toBe('confiance');
    expect(foldWords('the trust')).toBe('trust');
    expect(foldWords('Très, très bien')).not.toContain(',');
    expect(foldWords('le')).toBeNull();
    expect(foldWords('the and of')).toBeNull();
    expect(foldWords('!!!')).toBeNull();
  });

  it('keeps markup as inert text (only letters and digits survive)', () => {
    expect(foldWords('<b>fête</b>')).toBe('b fete b');
  });
});

describe('answers checked against the poll', () => {
  it('accepts an existing option, refuses others, duplicates and several for a single choice', () => {
    expect(checkAnswer(choice, [1])).toEqual({ value: [1], folded: null });
    expect(code(() => checkAnswer(choice, [3]))).toBe('invalid');
    expect(code(() => checkAnswer(choice, [-1]))).toBe('invalid');
    expect(code(() => checkAnswer(choice, [0.5]))).toBe('invalid');
    expect(code(() => checkAnswer(choice, [0, 1]))).toBe('invalid');
    expect(code(() => checkAnswer(choice, []))).toBe('invalid');
    expect(code(() => checkAnswer(choice, 1))).toBe('invalid');
    const multiple = { ...choice, kind: 'multiple' as const };
    expect(checkAnswer(multiple, [2, 0]).value).toEqual([0, 2]);
    expect(code(() => checkAnswer(multiple, [0, 0]))).toBe('invalid');
  });

  it('takes whole ratings from 1 to 5', () => {
    const rating = { kind: 'rating' as const, options: [] };
    expect(checkAnswer(rating, 5).value).toBe(5);
    for (const bad of [0, 6, 2.5, '3', [3]]) expect(code(() => checkAnswer(rating, bad as never))).toBe('invalid');
  });

  it('trims texts, refuses empty or too long ones, and words that are all stop words', () => {
    const text = { kind: 'text' as const, options: [] };
    const words = { kind: 'words' as const, options: [] };
    expect(checkAnswer(text, '  <script>alert(1)</script>  ')).toEqual({ value: '<script>alert(1)</script>', folded: '<script>alert(1)</script>' });
    expect(code(() => checkAnswer(text, '   '))).toBe('invalid');
    expect(code(() => checkAnswer(text, 'x'.repeat(501)))).toBe('invalid');
    expect(code(() => checkAnswer(words, 'x'.repeat(10_000)))).toBe('invalid');
    expect(code(() => checkAnswer(words, 'les'))).toBe('invalid');
    expect(checkAnswer(words, 'Écoute')).toEqual({ value: 'Écoute', folded: 'ecoute' });
  });
});

describe('poll rules', () => {
  it('lets the session’s moderators and speakers run polls, and nobody else', () => {
    const session = { id: 's1', eventId: 'e' };
    expect(mayRunPolls({ grants: [{ role: 'organizer', eventId: 'e' }], session })).toBe(true);
    expect(mayRunPolls({ grants: [{ role: 'moderator', eventId: 'e', sessionId: 's1' }], session })).toBe(true);
    expect(mayRunPolls({ grants: [{ role: 'speaker', eventId: 'e', sessionId: 's1' }], session })).toBe(true);
    expect(mayRunPolls({ grants: [{ role: 'speaker', eventId: 'e', sessionId: 's2' }], session })).toBe(false);
    expect(mayRunPolls({ grants: [], session })).toBe(false);
  });

  it('shapes counts per option, per rating value, or by word', () => {
    expect(shapeCounts('single', 3, [{ key: '2', n: 4 }])).toEqual([0, 0, 4]);
    expect(shapeCounts('rating', 0, [{ key: '5', n: 1 }, { key: '1', n: 2 }])).toEqual([2, 0, 0, 0, 1]);
    expect(shapeCounts('words', 0, [{ key: 'ecoute', n: 3 }])).toEqual({ ecoute: 3 });
  });

  it('shows the live poll, else the last closed one whose results are shown', () => {
    const p = (status: 'draft' | 'live' | 'closed', resultsVisible: boolean, closedAt: string | null, id: string) => ({ id, status, resultsVisible, closedAt });
    expect(currentPoll([p('closed', true, '2026-01-01', 'a'), p('live', false, null, 'b')])?.id).toBe('b');
    expect(currentPoll([p('closed', true, '2026-01-01', 'a'), p('closed', true, '2026-01-02', 'c')])?.id).toBe('c');
    expect(currentPoll([p('closed', false, '2026-01-01', 'a'), p('draft', false, null, 'd')])).toBeNull();
  });
});
