'use client';

import { CheckboxList } from './CheckboxList';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/field-errors';
import { useRefusalText } from '@/components/useRefusalText';

/** The programme editor's control: tick the paths a session belongs to. */
export function SessionPathsForm({
  action,
  paths,
  linked,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  paths: { slug: string; title: string }[];
  linked: string[];
}) {
  const t = useTranslations('paths');
  const refusal = useRefusalText('paths');
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form key={state?.at ?? 0} action={formAction} className="grid gap-2" data-testid="session-paths">
      {state?.error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {refusal(state.error)}
        </p>
      )}
      <fieldset>
        <legend className="text-sm text-stone-600">{t('editor.linkSessionsHelp')}</legend>
        <CheckboxList
          name="paths"
          options={paths.map((p) => ({ value: p.slug, label: p.title }))}
          checked={(slug) => linked.includes(slug)}
          className="mt-2 grid gap-1 text-sm sm:grid-cols-2"
        />
      </fieldset>
      <button type="submit" disabled={pending} className="justify-self-start rounded bg-brand px-3 py-1.5 text-sm text-white disabled:opacity-60">
        {t('editor.linkSave')}
      </button>
    </form>
  );
}
