import { eventOfUnsubscribeToken, unsubscribeAfterSession } from '@/db/queries/feedback/opt-out';
import { afterSessionTranslator } from '@/server/feedback/compose-after-session-mail';
import { endpoint } from '@/server/http/endpoint';
import { unsubscribePages } from '@/server/http/unsubscribe-page';

export const dynamic = 'force-dynamic';

/** The unsubscribe link of the mails after the sessions: a confirmation page, then one-click unsubscribe (in the registrant's language). */
const pages = unsubscribePages({ find: eventOfUnsubscribeToken, unsubscribe: unsubscribeAfterSession, translator: afterSessionTranslator, name: 'event' });

export const GET = endpoint({}, ({ req }) => pages.confirm(req));
export const POST = endpoint({}, ({ req }) => pages.unsubscribe(req));
