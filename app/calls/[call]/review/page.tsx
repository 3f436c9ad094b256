import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/calls/Timeline';
import { reviewBoard } from '@/server/calls/get-review-board';
import { formerName } from '@/lib/domain/erased';
import { DomainError } from '@/lib/errors';
import { signedInUser } from '@/server/auth/current';
import { BackLink } from '@/components/BackLink';
import { ListTable } from '@/components/ListTable';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('committee'), robots: { index: false } };
}

/** `/calls/{call}/review`: the committee's board — every proposal, overdue ones flagged, with average scores (private). */
export default async function ReviewPage({ params }: { params: Promise<{ call: string }> }) {
  const { call: slug } = await params;
  const user = await signedInUser(`/calls/${slug}/review`);
  const [t, tPrivacy] = await Promise.all([getTranslations('calls'), getTranslations('privacy')]);
  const board = await reviewBoard(user, slug).catch((err: unknown) => {
    if (err instanceof DomainError) notFound();
    throw err;
  });
  if (!board) {
    return (
      <p role="alert" className="mt-4">
        {t('notMember')}
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <BackLink href={`/calls/${slug}`}>{board.call.title}</BackLink>
      <h1 className="text-2xl font-bold">{t('reviewTitle', { call: board.call.title })}</h1>
      <p className="text-sm">{t('reviewPrivate')}</p>
      <p data-testid="waiting">{t('waiting', { count: board.call.waiting.count, days: board.call.waiting.oldestDays })}</p>
      <ListTable head={[{ label: t('fieldTitle') }, { label: t('proposer') }, { label: t('decision') }, { label: t('average'), numeric: true }]} testId="review-board">
        {board.proposals.map((p) => (
          <tr key={p.id} className="border-t border-stone-200" data-overdue={p.overdue ? 'true' : undefined}>
            <td className="p-2">
              <Link href={`/calls/${slug}/proposals/${p.id}`}>{p.title}</Link> <span className="text-stone-600">· {p.format}</span>
            </td>
            <td className="p-2" data-testid="proposer">{formerName(p.proposerName, tPrivacy('formerParticipant'))}</td>
            <td className="p-2">
              <StatusBadge status={p.status} overdue={p.overdue} />
            </td>
            <td className="p-2 text-right tabular-nums">
              {p.averageScore !== null ? p.averageScore.toFixed(1) : '—'} <span className="text-stone-600">({t('reviewsCount', { count: p.reviews })})</span>
            </td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
