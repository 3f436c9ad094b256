import { describe, expect, it } from 'vitest';
import { sitePath } from './paths';

describe('sitePath (where `next=` may lead)', () => {
  it('keeps paths of this site, with their query and fragment', () => {
    expect(sitePath('/events/forum/sessions/ouverture/room')).toBe('/events/forum/sessions/ouverture/room');
    expect(sitePath('/r/abc?new=1#top')).toBe('/r/abc?new=1#top');
  });

  it('refuses everything a browser would follow to another site', () => {
    for (const v of ['//evil.example/x', '/\\evil.example/x', '/\\/evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example', 'evil.example', '\\\\evil.example', '', null, undefined]) {
      expect(sitePath(v as string | null), JSON.stringify(v)).toBeNull();
    }
  });
});
