'use client';

import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/field-errors';
import { useRefusalText } from '@/components/useRefusalText';

/** `hint`: a line under the label saying what the field is for (linked by `aria-describedby`). */
export type Field =
  | { name: string; label: string; hint?: string; type?: 'text' | 'date' | 'time' | 'datetime-local' | 'number' | 'textarea' | 'checkbox'; required?: boolean; defaultValue?: string }
  | { name: string; label: string; hint?: string; type: 'select'; options: { value: string; label: string }[]; defaultValue?: string };

/** A small form bound to a server action, showing its refusal and each field's message. */
export function ActionForm({
  action,
  fields,
  submit,
  className,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields: Field[];
  submit: string;
  className?: string;
}) {
  const refusal = useRefusalText('edit');
  const [state, formAction, pending] = useActionState(action, null);
  // Ids of this form's own: a page holds several forms with fields of the same name ("key").
  const uid = useId();
  const idOf = (kind: 'f' | 'h' | 'e', name: string) => `${uid}${kind}-${name}`;
  const value = (f: Field) => state?.values?.[f.name] ?? f.defaultValue ?? '';
  return (
    // Remounted after each answer: React resets a form after its action, and an uncontrolled
    // <select> would not take its new default (the values typed) back.
    <form key={state?.at ?? 0} action={formAction} noValidate className={className ?? 'grid gap-3'}>
      {state?.error && (
        <div role="alert" className="rounded bg-red-50 p-3 text-red-800">
          <p>{refusal(state.error)}</p>
        </div>
      )}
      {fields.map((f) => {
        const err = state?.fields?.[f.name];
        const describedBy = [f.hint && idOf('h', f.name), err && idOf('e', f.name)].filter(Boolean).join(' ');
        const common = {
          name: f.name,
          id: idOf('f', f.name),
          'aria-invalid': err ? true : undefined,
          'aria-describedby': describedBy || undefined,
          className: 'w-full max-w-full rounded border border-stone-300 bg-white px-2 py-1',
        };
        return (
          <div key={f.name} className="flex min-w-0 flex-col gap-1">
            <label htmlFor={idOf('f', f.name)} className="text-sm font-medium">
              {f.label}
            </label>
            {f.hint && (
              <p id={idOf('h', f.name)} className="text-xs text-stone-600">
                {f.hint}
              </p>
            )}
            {f.type === 'select' ? (
              <select {...common} defaultValue={value(f)}>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.type === 'checkbox' ? (
              <input {...common} type="checkbox" className="h-4 w-4" defaultChecked={value(f) === 'on'} />
            ) : f.type === 'textarea' ? (
              <textarea {...common} rows={4} defaultValue={value(f)} />
            ) : (
              <input {...common} type={f.type ?? 'text'} required={f.required} defaultValue={value(f)} />
            )}
            {err && (
              <p id={idOf('e', f.name)} className="text-sm text-red-700">
                {err}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={pending} className="justify-self-start rounded bg-brand px-4 py-2 text-white disabled:opacity-60">
        {submit}
      </button>
    </form>
  );
}
