import { subscriptionPathOfToken } from '@/server/paths/get-token-path';
import { unsubscribeByToken } from '@/server/paths/unsubscribe-by-token';
import { translator } from '@/server/paths/mail';
import { endpoint } from '@/server/http/endpoint';
import { unsubscribePages } from '@/server/http/unsubscribe-page';

export const dynamic = 'force-dynamic';

/** The digest mail's unsubscribe link: a confirmation page, then one-click unsubscribe (in the request's language: the token tells none). */
const pages = unsubscribePages({ find: subscriptionPathOfToken, unsubscribe: unsubscribeByToken, translator, name: 'path' });

export const GET = endpoint({}, ({ req }) => pages.confirm(req));
export const POST = endpoint({}, ({ req }) => pages.unsubscribe(req));
