import { notFound, redirect } from 'next/navigation';
import { sessionByShortCode } from '@/db/queries/live';

export const dynamic = 'force-dynamic';

/** Short URL shown on the projector: `/q/<code>` → the session page (its Q&A). */
export default async function ShortLink({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const found = await sessionByShortCode(code);
  if (!found) notFound();
  redirect(`/events/${found.eventSlug}/sessions/${found.slug}#live-title`);
}
