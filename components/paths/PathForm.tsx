'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/field-errors';
import { useRefusalText } from '@/components/useRefusalText';

/** A path's presentation, for its coordinators: title, summary, Markdown description, status, cover image. */
export function PathForm({
  action,
  defaults,
  hasCover,
  newCover,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  defaults: { title: string; summary: string; description: string; status: string };
  hasCover: boolean;
  newCover: { id: string; filename: string } | null;
}) {
  const t = useTranslations('paths');
  const refusal = useRefusalText('paths');
  const [state, formAction, pending] = useActionState(action, null);
  const v = (name: keyof typeof defaults) => state?.values?.[name] ?? defaults[name];
  const err = (name: string) =>
    state?.fields?.[name] && (
      <p id={`pe-${name}`} className="text-sm text-red-700">
        {state.fields[name]}
      </p>
    );
  const input = 'rounded border border-stone-300 bg-white px-2 py-1';
  return (
    <form key={state?.at ?? 0} action={formAction} noValidate className="grid gap-3" data-testid="path-form">
      {state?.error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {refusal(state.error)}
        </p>
      )}
      <label className="grid gap-1 text-sm font-medium">
        {t('editor.fieldPathTitle')}
        <input name="title" defaultValue={v('title')} required aria-invalid={state?.fields?.title ? true : undefined} className={`${input} font-normal`} />
      </label>
      {err('title')}
      <label className="grid gap-1 text-sm font-medium">
        {t('editor.fieldSummary')}
        <textarea name="summary" rows={2} defaultValue={v('summary')} className={`${input} font-normal`} />
      </label>
      <label className="grid gap-1 text-sm font-medium">
        {t('editor.fieldDescription')}
        <textarea name="description" rows={8} defaultValue={v('description')} className={`${input} font-mono text-sm font-normal`} />
      </label>
      <label className="grid gap-1 text-sm font-medium">
        {t('editor.fieldPathStatus')}
        <select name="status" defaultValue={v('status')} className={`${input} justify-self-start font-normal`}>
          {(['draft', 'active', 'archived'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`editor.pathStatuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="grid gap-1 text-sm">
        <legend className="font-medium">{t('editor.cover')}</legend>
        {newCover && (
          <label className="flex items-center gap-2">
            <input type="radio" name="cover" value={newCover.id} defaultChecked /> {t('editor.coverNew', { name: newCover.filename })}
          </label>
        )}
        <label className="flex items-center gap-2">
          <input type="radio" name="cover" value="keep" defaultChecked={!newCover} /> {t('editor.keepCover')}
        </label>
        {hasCover && (
          <label className="flex items-center gap-2">
            <input type="radio" name="cover" value="none" /> {t('editor.removeCover')}
          </label>
        )}
        {err('cover')}
      </fieldset>
      <button type="submit" disabled={pending} className="justify-self-start rounded bg-brand px-4 py-2 text-white disabled:opacity-60">
        {t('editor.save')}
      </button>
    </form>
  );
}
