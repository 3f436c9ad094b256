import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requestBadgeAction } from '@/app/badges/actions';
import { Outcome } from '@/components/badges/Outcome';
import { eventAchievements } from '@/server/badges/get-event-achievements';
import { provenParticipant } from '@/server/auth/current';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('badges') };
}

type Params = Promise<{ slug: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

/** `/events/{slug}/badges`: what the event recognises; request-based badges are requested here, with evidence. */
export default async function EventBadgesPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ slug }, sp, who, t] = await Promise.all([params, searchParams, provenParticipant(), getTranslations('openBadges')]);
  const data = await eventAchievements(slug, who?.email);
  if (!data) notFound();
  return (
    <section className="mx-auto max-w-3xl" aria-labelledby="event-badges-title">
      <h1 id="event-badges-title" className="text-2xl font-bold">
        {t('eventTitle', { event: data.event.title })}
      </h1>
      <p className="mt-2 text-stone-700">{t('eventIntro')}</p>
      <Outcome sp={sp} />
      <ul id="requests" className="mt-6 space-y-5">
        {data.achievements.map((a) => (
          <li key={a.id} data-testid="achievement" data-kind={a.kind} className="flex gap-4 rounded border border-stone-200 p-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- data: URI SVG */}
            <img src={a.image} alt="" width={72} height={72} className="h-18 w-18 shrink-0" />
            <div className="min-w-0 flex-1">
              <h2 className="text-lg font-semibold">
                <Link href={`/achievements/${a.id}`}>{a.name}</Link>
              </h2>
              <p className="text-sm text-stone-600">{t(`kind.${a.kind}`)}</p>
              <p className="mt-1">{a.description}</p>
              <p className="mt-1 text-sm">
                <strong>{t('criteria')}</strong> : {a.criteria}
              </p>
              {a.mine && (
                <p className="mt-2 text-sm" data-testid="my-status">
                  {t('yourBadge', { status: t(`status.${a.mine.status}`) })}
                  {a.mine.status === 'declined' && a.mine.decisionReason ? ` — ${t('reason', { reason: a.mine.decisionReason })}` : ''}
                </p>
              )}
              {a.kind === 'request' && (!a.mine || a.mine.status === 'declined') && (
                who ? (
                  <form action={requestBadgeAction.bind(null, slug)} className="mt-3 space-y-2">
                    <input type="hidden" name="achievementId" value={a.id} />
                    <label className="block text-sm font-medium" htmlFor={`evidence-${a.id}`}>
                      {t('evidenceLabel')}
                    </label>
                    <textarea id={`evidence-${a.id}`} name="evidence" required minLength={10} maxLength={4000} rows={3} className="w-full rounded border border-stone-300 p-2" />
                    <button className="rounded bg-brand px-3 py-1 text-white">{t('requestSubmit')}</button>
                  </form>
                ) : (
                  <p className="mt-2 text-sm">
                    <Link href={`/signin?callbackUrl=/events/${slug}/badges`}>{t('signInToRequest')}</Link>
                  </p>
                )
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
