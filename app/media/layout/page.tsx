import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CompositeStage } from '@/components/video/CompositeStage';
import { compositeQuery } from '@/lib/domain/composite';
import { layoutAccess } from '@/server/media/layout';

export const dynamic = 'force-dynamic';

// The token is in the address: never sent on as a referrer, never indexed.
export const metadata: Metadata = { referrer: 'no-referrer', robots: { index: false, follow: false } };

/**
 * The stage's composite, opened by LiveKit Egress's Chromium to record and stream a session
 * (`RECORDING_LAYOUT=composite`, docs/replays.md "The composite"): `?url=…&token=…&layout=…` as
 * egress sends them. No app session: the token is the credential, and only a hidden recorder's
 * token for a session's room, signed with this app's LiveKit key, opens it (`layoutAccess`);
 * anything else is this app's 404.
 */
export default async function CompositeLayoutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = compositeQuery.safeParse(await searchParams);
  if (!query.success) notFound();
  const access = await layoutAccess(query.data.token);
  if (!access) notFound();
  const t = await getTranslations('composite');
  const tc = await getTranslations('captions');
  return (
    <CompositeStage
      url={query.data.url}
      token={query.data.token}
      title={access.title}
      eventTitle={access.eventTitle}
      layout={access.layout}
      initialPin={access.stagePin}
      labels={{ pinned: t('pinned'), waiting: t('waiting'), speaker: tc('speaker', { name: '{name}' }) }}
    />
  );
}
