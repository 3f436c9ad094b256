'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/server/actions/form-state';
import { useRefusalText } from '@/components/useRefusalText';
import { FEEDBACK_ANSWER_MAX, RATINGS } from '@/lib/domain/feedback';

/**
 * The feedback form of a feedback link: a rating 1–5 as labelled radio buttons and an optional
 * open answer, sent to a server action; a plain form that works before (or without) JavaScript.
 */
export function FeedbackForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const t = useTranslations('afterSession');
  const refusal = useRefusalText('afterSession');
  const [state, submit, pending] = useActionState(action, null);
  const ratingError = state?.fields?.rating;
  const answerError = state?.fields?.answer;
  return (
    <form key={state?.at ?? 0} action={submit} className="grid gap-4" data-testid="feedback-form">
      {state?.error && state.error !== 'invalid' && (
        <div role="alert" className="rounded bg-red-50 p-3 text-red-800">
          <p>{refusal(state.error)}</p>
        </div>
      )}
      <fieldset aria-describedby={ratingError ? 'rating-error' : undefined}>
        <legend className="mb-2 font-medium">{t('ratingLegend')}</legend>
        {ratingError && (
          <p id="rating-error" className="mb-2 text-sm text-red-800">
            {ratingError}
          </p>
        )}
        <div className="grid gap-2">
          {RATINGS.map((r) => (
            <label key={r} className="flex min-h-11 items-center gap-3 rounded border border-stone-300 bg-white px-3 py-2">
              <input type="radio" name="rating" value={r} required defaultChecked={state?.values?.rating === String(r)} className="h-5 w-5" />
              <span>{t(`rating${r}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-1">
        <label htmlFor="feedback-answer" className="font-medium">
          {t('answerLabel')}
        </label>
        <p id="feedback-answer-hint" className="text-sm text-stone-600">
          {t('answerHint')}
        </p>
        <textarea
          id="feedback-answer"
          name="answer"
          rows={5}
          maxLength={FEEDBACK_ANSWER_MAX}
          defaultValue={state?.values?.answer ?? ''}
          aria-describedby={answerError ? 'feedback-answer-hint feedback-answer-error' : 'feedback-answer-hint'}
          aria-invalid={answerError ? true : undefined}
          className="w-full rounded border border-stone-300 bg-white p-2"
        />
        {answerError && (
          <p id="feedback-answer-error" className="text-sm text-red-800">
            {answerError}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 justify-self-start rounded bg-brand px-4 py-2 font-medium text-white">
        {t('submit')}
      </button>
    </form>
  );
}
