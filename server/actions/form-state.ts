import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { type FieldIssue, fieldIssuesOf, fieldTexts, type FormState } from '@/lib/field-errors';
import type { CatalogueTranslator } from '@/lib/refusal';

export type { FormState };

const catalogue = async () => (await getTranslations()) as unknown as CatalogueTranslator;

/** A refusal of the form's fields, by code, in the reader's language. */
export async function refusedFields(
  error: string,
  fields: Record<string, FieldIssue>,
  values?: Record<string, string>,
): Promise<NonNullable<FormState>> {
  return { error, fields: fieldTexts(await catalogue(), fields), ...(values ? { values } : {}), at: Date.now() };
}

/** A submission zod refused (`fieldOf` names the form field an issue's path is about). */
export function invalidForm(error: z.ZodError, values?: Record<string, string>, fieldOf?: (path: PropertyKey[]) => string) {
  return refusedFields('invalid', fieldIssuesOf(error, fieldOf), values);
}

/** A domain refusal as the form shows it; anything else is thrown again. */
export function refusedForm(err: unknown, values?: Record<string, string>): Promise<NonNullable<FormState>> {
  if (!(err instanceof DomainError)) throw err;
  const fields = Object.fromEntries(Object.entries(err.fields ?? {}).map(([name, code]) => [name, { code, values: err.values }]));
  return refusedFields(err.code, fields, values);
}
