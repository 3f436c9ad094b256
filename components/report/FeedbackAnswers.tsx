import { getTranslations } from 'next-intl/server';

/** The open answers to a session's feedback request (its report), oldest first, without names. */
export async function FeedbackAnswers({ answers }: { answers: string[] }) {
  if (!answers.length) return null;
  const t = await getTranslations('afterSession');
  return (
    <div className="space-y-2">
      <h3 className="text-lg font-semibold">{t('resultsAnswers', { count: answers.length })}</h3>
      <ul className="space-y-2" data-testid="feedback-answers">
        {answers.map((a, k) => (
          <li key={k} className="rounded border border-stone-200 bg-white p-3 break-words whitespace-pre-line">
            {a}
          </li>
        ))}
      </ul>
    </div>
  );
}
