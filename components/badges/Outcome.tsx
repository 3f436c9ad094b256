import { getTranslations } from 'next-intl/server';

const DONE = ['requested', 'accept', 'reject', 'publish', 'unpublish', 'endorsed', 'offered', 'declined', 'revoked', 'created', 'awarded'] as const;
const ERRORS = ['evidence', 'reason', 'comment', 'achievement', 'not_found', 'forbidden', 'invalid_transition', 'exists'] as const;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The outcome of a badge form (`?done=…` or `?error=…` after its redirect), said in the reader's language. */
export async function Outcome({ sp }: { sp: Record<string, string | string[] | undefined> }) {
  const t = await getTranslations('openBadges');
  const done = DONE.find((d) => d === one(sp.done));
  const error = ERRORS.find((e) => e === one(sp.error));
  if (done) {
    return (
      <p role="status" data-testid="badge-outcome" className="mt-4 rounded bg-green-50 p-3 text-green-900">
        {t(`done.${done}`, { n: Number(one(sp.n) ?? 0) || 0 })}
      </p>
    );
  }
  if (error) {
    return (
      <p role="alert" data-testid="badge-outcome" className="mt-4 rounded bg-red-50 p-3 text-red-900">
        {t(`error.${error}`)}
      </p>
    );
  }
  return null;
}
