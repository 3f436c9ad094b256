'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import type { RegisterState } from '@/app/events/[slug]/register/actions';
import type { Question } from '@/lib/domain/questions';
import { useRefusalText } from '@/components/useRefusalText';
import { SessionChoices, type SessionOption } from '@/components/SessionChoices';
import { SourceField } from '@/components/RegistrationSource';

export function RegisterForm({
  action,
  sessions,
  preselected,
  questions,
  known,
  timeZone,
  localTime,
  event,
  source,
}: {
  action: (prev: RegisterState, form: FormData) => Promise<RegisterState>;
  sessions: SessionOption[];
  preselected: string[];
  questions: Question[];
  /** What is known of a signed-in person: the form starts with it. */
  known?: { name: string; email: string };
  /** The event's zone (the sessions' times), and the text of the viewer's own time beside them (`localTimeTemplate`). */
  timeZone: string;
  localTime: string;
  /** The event's slug, and the `?via=` the form was opened with (what drove the registration: components/RegistrationSource.tsx). */
  event: string;
  source?: string;
}) {
  const t = useTranslations('register');
  const tEdit = useTranslations('edit');
  const refusal = useRefusalText(['register', 'seats']);
  const answered = (key: string) => (state?.values?.[`answers.${key}`] ?? '').split('\n');
  const [state, formAction, pending] = useActionState(action, null);
  const bad = (f: string) => state?.fields?.includes(f);
  const errorKey = state?.error ?? null;
  // Errors are announced (role="alert"), the focus moves to them, and each invalid field points at them.
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errorKey) summary.current?.focus();
  }, [errorKey, state?.at]);
  const describedBy = (invalid: boolean | undefined) => (invalid ? 'register-errors' : undefined);
  return (
    // Remounted after each answer so that what was typed and ticked is shown again (React resets
    // a form after its action).
    <form key={state?.at ?? 0} action={formAction} noValidate className="mt-4 grid max-w-2xl gap-4">
      <SourceField event={event} initial={source} />
      {errorKey && (
        <div ref={summary} id="register-errors" tabIndex={-1} role="alert" className="rounded bg-red-50 p-3 text-red-800">
          <p>{refusal(errorKey)}</p>
          {state?.fields?.filter((f) => t.has(`fields.${f}`)).map((f) => <p key={f}>{t(`fields.${f}`)}</p>)}
        </div>
      )}
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t('name')}</span>
        <input name="name" required autoComplete="name" defaultValue={state?.values?.name ?? known?.name} aria-invalid={bad('name') || undefined} aria-describedby={describedBy(bad('name'))} className="rounded border border-stone-300 bg-white px-3 py-2" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t('email')}</span>
        <input name="email" type="email" required autoComplete="email" defaultValue={state?.values?.email ?? known?.email} aria-invalid={bad('email') || undefined} aria-describedby={describedBy(bad('email'))} className="rounded border border-stone-300 bg-white px-3 py-2" />
      </label>
      {sessions.length > 0 && (
        <fieldset className="rounded border border-stone-200 bg-white p-3">
          <legend className="px-1 font-medium">{t('sessions')}</legend>
          <SessionChoices sessions={sessions} checked={state?.sessionIds ?? preselected} modes={state?.modes} timeZone={timeZone} localTime={localTime} />
        </fieldset>
      )}
      {questions.map((q) => {
        const name = `answers.${q.key}`;
        const invalid = state?.answerErrors?.includes(q.key) || undefined;
        const label = `${q.label}${q.required ? ' *' : ''}`;
        if (q.kind === 'text') {
          return (
            <label key={q.key} className="flex flex-col gap-1">
              <span className="font-medium">{label}</span>
              <input name={name} defaultValue={answered(q.key)[0]} aria-invalid={invalid} aria-describedby={describedBy(invalid)} className="rounded border border-stone-300 bg-white px-3 py-2" />
            </label>
          );
        }
        const choices = q.kind === 'yesno' ? [{ value: 'yes', label: tEdit('yes') }, { value: 'no', label: tEdit('no') }] : q.options.map((o) => ({ value: o, label: o }));
        return (
          <fieldset key={q.key} className="rounded border border-stone-200 bg-white p-3" aria-invalid={invalid} aria-describedby={describedBy(invalid)}>
            <legend className="px-1 font-medium">{label}</legend>
            <div className="flex flex-wrap gap-4">
              {choices.map((c) => (
                <label key={c.value} className="flex items-center gap-2">
                  <input type={q.kind === 'multiple' ? 'checkbox' : 'radio'} name={name} value={c.value} defaultChecked={answered(q.key).includes(c.value)} />
                  {c.label}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      {sessions.some((s) => s.invitation) && (
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t('invitationCode')}</span>
          <input name="invitationCode" defaultValue={state?.values?.invitationCode} aria-invalid={bad('invitationCode') || undefined} aria-describedby={describedBy(bad('invitationCode'))} className="rounded border border-stone-300 bg-white px-3 py-2" />
        </label>
      )}
      <label className="flex items-start gap-2">
        <input type="checkbox" name="consent" required className="mt-1" aria-invalid={bad('consent') || undefined} aria-describedby={describedBy(bad('consent'))} />
        <span className="text-sm">{t('consent')}</span>
      </label>
      <button type="submit" disabled={pending} className="justify-self-start rounded bg-brand px-4 py-2 text-white disabled:opacity-60">
        {t('submit')}
      </button>
    </form>
  );
}
