import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CheckInDesk } from '@/components/organize/CheckInDesk';
import { organizedEvent } from '@/db/queries/organizer';
import { currentUser } from '@/server/auth/current';
import { checkInAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('checkin'))('title'), robots: { index: false } };
}

/** The check-in desk at the door, a page of its own (for those who organize the event: `event.manage`). */
export default async function CheckInPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=/organize/${slug}/checkin`);
  const [t, tOrg, event] = await Promise.all([getTranslations('checkin'), getTranslations('organize'), organizedEvent(user.id, slug)]);
  if (!event) {
    return (
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p role="alert" className="mt-2">
          {tOrg('forbidden')}
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <p className="text-sm">
        <Link href={`/organize/${slug}`}>← {tOrg('title')}</Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t('title')} <span className="block text-base font-normal text-stone-600">{event.title}</span>
      </h1>
      <CheckInDesk action={checkInAction.bind(null, slug)} registerHref={`/events/${slug}/register`} />
    </div>
  );
}
