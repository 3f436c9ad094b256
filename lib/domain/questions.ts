import { z } from 'zod';
import '../zod-browser';

export type QuestionKind = 'text' | 'single' | 'multiple' | 'yesno';
export type Question = { key: string; label: string; kind: QuestionKind; options: string[]; required: boolean };
export type Answers = Record<string, string | string[] | boolean>;

export const questionInput = z
  .object({
    key: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - and _'),
    label: z.string().trim().min(1).max(300),
    kind: z.enum(['text', 'single', 'multiple', 'yesno']),
    /** One option per line (choices only). */
    options: z
      .string()
      .default('')
      .transform((v) => [...new Set(v.split('\n').map((o) => o.trim()).filter(Boolean))]),
    required: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()).default(false),
  })
  .strict()
  .refine((q) => (q.kind === 'single' || q.kind === 'multiple' ? q.options.length >= 2 : q.options.length === 0), {
    path: ['options'],
    message: 'choices need at least two options; other kinds none',
    params: { code: 'options_count' },
  });

// Answers are checked against the questions in the database, with the other rules of a
// registration: `check_answers` in db/functions/30_registrations.sql.
