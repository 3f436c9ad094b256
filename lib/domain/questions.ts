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
  });

/**
 * Check answers against the event's questions. Returns the clean answers, or the problems by
 * field (`answers.<key>`). Unknown keys are refused, so nothing unexpected is stored.
 */
export function checkAnswers(questions: Question[], answers: Answers): { ok: true; answers: Answers } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const clean: Answers = {};
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) if (!byKey.has(key)) fields[`answers.${key}`] = 'unknown question';
  for (const q of questions) {
    const v = answers[q.key];
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (q.required) fields[`answers.${q.key}`] = 'required';
      continue;
    }
    if (q.kind === 'text') {
      if (typeof v !== 'string') fields[`answers.${q.key}`] = 'must be text';
      else clean[q.key] = v.trim();
    } else if (q.kind === 'yesno') {
      const b = v === true || v === 'yes' || v === 'true' ? true : v === false || v === 'no' || v === 'false' ? false : null;
      if (b === null) fields[`answers.${q.key}`] = 'must be yes or no';
      else clean[q.key] = b;
    } else if (q.kind === 'single') {
      if (typeof v !== 'string' || !q.options.includes(v)) fields[`answers.${q.key}`] = 'must be one of the options';
      else clean[q.key] = v;
    } else {
      const list = Array.isArray(v) ? v : [v];
      if (!list.every((x) => typeof x === 'string' && q.options.includes(x))) fields[`answers.${q.key}`] = 'must be among the options';
      else clean[q.key] = [...new Set(list as string[])];
    }
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, answers: clean };
}
