import type { z } from 'zod';
import type { CatalogueTranslator } from './refusal';
import { SLUG_PATTERN } from './validation';

/**
 * Why one form field was refused, as a code of the catalogues' `fieldErrors` (French and English)
 * and the values its text takes. A zod issue becomes one (`fieldIssue`); a domain refusal
 * (`DomainError.fields`) already names its codes. The HTTP answers keep zod's English messages and
 * these codes for API clients; forms show `fieldText`, in the reader's language (docs/i18n.md).
 */
export type FieldIssue = { code: string; values?: Record<string, string | number> };

const num = (v: unknown) => Number(v);

/** A zod issue as a field code: built-in checks by kind, refinements by their `params.code`. */
export function fieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  switch (issue.code) {
    case 'too_small': {
      const min = num(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { code: 'required' } : { code: 'too_short', values: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_few', values: { min } };
      if (issue.origin === 'date') return { code: 'too_early' };
      return { code: 'too_small', values: { min } };
    }
    case 'too_big': {
      const max = num(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', values: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many', values: { max } };
      if (issue.origin === 'date') return { code: 'too_late' };
      return { code: 'too_large', values: { max } };
    }
    case 'invalid_type':
      // zod keeps no input in its issues: its own message says when the value was missing.
      if (/received undefined$/.test(issue.message)) return { code: 'required' };
      if (issue.expected === 'int') return { code: 'whole_number' };
      if (issue.expected === 'number' || issue.expected === 'bigint') return { code: 'number' };
      if (issue.expected === 'date') return { code: 'date' };
      return { code: 'invalid' };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'email' };
      if (issue.format === 'url') return { code: 'url' };
      if (issue.format === 'datetime' || issue.format === 'date' || issue.format === 'time') return { code: 'date' };
      if (issue.format === 'regex' && issue.pattern === String(SLUG_PATTERN)) return { code: 'slug' };
      return { code: 'format' };
    case 'invalid_value':
      return { code: 'choice' };
    case 'custom': {
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return { code: typeof code === 'string' ? code : 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

/** The first issue of each form field (`fieldOf` names the field a path is about: its head by default). */
export function fieldIssuesOf(error: z.ZodError, fieldOf: (path: PropertyKey[]) => string = (path) => String(path[0] ?? '')): Record<string, FieldIssue> {
  const fields: Record<string, FieldIssue> = {};
  for (const issue of error.issues) fields[fieldOf(issue.path)] ??= fieldIssue(issue);
  return fields;
}

/** What a person reads for a field issue: `fieldErrors.<code>`, else the generic `fieldErrors.invalid`. */
export function fieldText(t: CatalogueTranslator, issue: FieldIssue): string {
  const key = `fieldErrors.${issue.code}`;
  return t.has(key) ? t(key, issue.values) : t('fieldErrors.invalid');
}

/** Each field's text, for a form's state. */
export function fieldTexts(t: CatalogueTranslator, fields: Record<string, FieldIssue>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, issue]) => [name, fieldText(t, issue)]));
}

/**
 * What a form bound to a server action shows after a refused submission: the refusal's code (the
 * form translates it, lib/refusal.ts), each field's text in the reader's language, and the values
 * typed (shown again). `at` stamps each answer, so that the form is remounted with them.
 */
export type FormState = { error?: string; fields?: Record<string, string>; values?: Record<string, string>; at?: number } | null;
