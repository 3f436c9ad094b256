import ClientMessages from '@/components/ClientMessages';
import { eventTimeZone } from '@/db/queries/events';
import type { SessionParams } from './session';

/**
 * Client components here translate: the catalogue comes with these pages (components/ClientMessages.tsx),
 * with the event's time zone, in which the live panels (questions, chat, moderation) show their times.
 */
export default async function SessionLayout({ children, params }: { children: React.ReactNode; params: Promise<SessionParams> }) {
  const timeZone = (await eventTimeZone((await params).slug)) ?? undefined;
  return <ClientMessages timeZone={timeZone}>{children}</ClientMessages>;
}
