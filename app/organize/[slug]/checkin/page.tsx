import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CheckInDesk } from '@/components/organize/CheckInDesk';
import { organizedEvent } from '@/db/queries/organizer';
import { signedInUser } from '@/server/auth/current';
import { checkInAction } from '../actions';
import { Forbidden } from '@/components/Forbidden';
import { BackLink } from '@/components/BackLink';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('checkin'))('title'), robots: { index: false } };
}

/** The check-in desk at the door, a page of its own (for those who organize the event: `event.manage`). */
export default async function CheckInPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await signedInUser(`/organize/${slug}/checkin`);
  const [t, tOrg, event] = await Promise.all([getTranslations('checkin'), getTranslations('organize'), organizedEvent(user.id, slug)]);
  if (!event) {
    return <Forbidden title={t('title')} message={tOrg('forbidden')} />;
  }
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <BackLink href={`/organize/${slug}`}>{tOrg('title')}</BackLink>
      <h1 className="text-2xl font-bold">
        {t('title')} <span className="block text-base font-normal text-stone-600">{event.title}</span>
      </h1>
      <CheckInDesk action={checkInAction.bind(null, slug)} registerHref={`/events/${slug}/register`} />
    </div>
  );
}
