import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from '@/messages/en.json' with { type: 'json' };
import fr from '@/messages/fr.json' with { type: 'json' };
import { sessionInput } from './domain/programme';
import { fieldIssuesOf, fieldText, fieldTexts } from './field-errors';
import type { CatalogueTranslator } from './refusal';
import { plainText } from './validation';

const tr = (locale: 'fr' | 'en') => createTranslator({ locale, messages: locale === 'en' ? en : fr }) as unknown as CatalogueTranslator;

const form = z.object({
  title: z.string().trim().min(1).max(5),
  summary: z.string().min(3),
  seats: z.coerce.number().int().min(1).max(500),
  email: z.email(),
  link: z.url(),
  kind: z.enum(['talk', 'workshop']),
  tags: z.array(z.string()).max(1),
  note: plainText(),
  missing: z.string(),
});

describe('fieldIssuesOf: each zod issue becomes a code of the catalogues, with its values', () => {
  const result = form.safeParse({ title: '', summary: 'ab', seats: '2.5', email: 'nope', link: 'x', kind: 'film', tags: ['a', 'b'], note: 'a\u0007b' });
  const issues = fieldIssuesOf(result.error!);

  it('names the kind of problem, not zod’s English', () => {
    expect(issues).toEqual({
      title: { code: 'required' },
      summary: { code: 'too_short', values: { min: 3 } },
      seats: { code: 'whole_number' },
      email: { code: 'email' },
      link: { code: 'url' },
      kind: { code: 'choice' },
      tags: { code: 'too_many', values: { max: 1 } },
      note: { code: 'control_characters' },
      missing: { code: 'required' },
    });
  });

  it('reads each one in French and in English, values filled in', () => {
    expect(fieldTexts(tr('fr'), issues)).toMatchObject({ title: 'Ce champ est obligatoire.', summary: 'Au moins 3 caractères.', tags: 'Au plus 1 élément.' });
    expect(fieldTexts(tr('en'), issues)).toMatchObject({ title: 'This field is required.', summary: 'At least 3 characters.', tags: 'At most 1 item.' });
  });

  it('takes a refinement’s own code, and the form’s own field names', () => {
    const session = { title: 'T', slug: 'plenary', kind: 'plenary', capacity: '', day: '2026-05-01', start: '10:00', end: '09:00' };
    const bad = sessionInput.safeParse(session);
    expect(bad.success).toBe(false);
    expect(fieldIssuesOf(bad.error!)).toEqual({ end: { code: 'end_before_start' } });
    expect(fieldIssuesOf(sessionInput.safeParse({ ...session, slug: 'Plénière', end: '11:00' }).error!)).toEqual({ slug: { code: 'slug' } });
    const nested = z.object({ people: z.array(z.object({ email: z.email() })) }).safeParse({ people: [{ email: 'x' }] });
    expect(fieldIssuesOf(nested.error!, (path) => path.join('.'))).toEqual({ 'people.0.email': { code: 'email' } });
  });

  it('falls back on the generic text for a code the catalogues lack', () => {
    expect(fieldText(tr('fr'), { code: 'no_such_code' })).toBe(fr.fieldErrors.invalid);
    expect(fieldText(tr('en'), { code: 'room_overlap', values: { room: 'Salle A', session: 'Plénière' } })).toBe('“Salle A” is already taken at that time by “Plénière”.');
  });
});

// Every code the code gives — refinements' `params: { code }` and domain refusals' fields — has its text.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'migrations' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('field codes in the code', () => {
  const codes = new Set<string>();
  for (const file of ['lib', 'db', 'app', 'server'].flatMap(sources)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/params: \{ code: '([a-z_]+)' \}/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/new DomainError\([^;]*?\{ [a-zA-Z]+: '([a-z_]+)' \}/gs)) codes.add(m[1]!);
    for (const m of text.matchAll(/refusedFields\('[a-z_]+', \{ [a-zA-Z]+: \{ code: '([a-z_]+)' \}/g)) codes.add(m[1]!);
  }

  it('are found (the scan works)', () => {
    expect(codes).toContain('end_before_start');
    expect(codes).toContain('room_overlap');
    expect(codes).toContain('unknown');
  });

  it.each([...codes])('%s has its text in both catalogues', (code) => {
    expect(fr.fieldErrors).toHaveProperty(code);
    expect(en.fieldErrors).toHaveProperty(code);
  });
});
