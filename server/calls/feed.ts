import { Feed } from 'feed';
import { proposalPath } from '@/lib/domain/calls';
import { callDecisions } from './list-call-decisions';
import { formerName } from '@/lib/domain/erased';
import { publicUrl } from '@/lib/config';
import { feedHeaders, withLanguage } from '@/lib/feeds/atom';
import { apiError } from '@/server/http/respond';
import { catalogue, localeOf } from '../catalogue';

/**
 * `GET /api/calls/{call}/decisions.atom`: every decision of an open call, newest first, its own
 * texts in the requester's language (cookie, else Accept-Language, else French).
 */
export async function decisionsAtomResponse(req: Request, callSlug: string): Promise<Response> {
  const data = await callDecisions(callSlug);
  if (!data) return apiError(404, 'call_not_found', 'No such call for proposals.');
  if (!data.entries) return apiError(403, 'call_closed', 'The decisions of a closed call are not public.');
  // Feed readers mostly send no language preference: French then, the site's first language.
  const locale = localeOf(req);
  const t = catalogue(locale);
  const base = publicUrl();
  const host = new URL(base).hostname;
  const { call, entries } = data;
  const feed = new Feed({
    id: `tag:${host},2026:calls/${call.slug}`,
    title: `${t('calls.feed')} — ${call.title}`,
    description: call.description || call.title,
    link: `${base}/calls/${call.slug}`,
    language: locale,
    updated: entries[0]?.at ?? call.updatedAt,
    generator: 'Chemins',
    feedLinks: { atom: `${base}/api/calls/${call.slug}/decisions.atom` },
    author: { name: call.committeeName, link: `${base}/calls/${call.slug}` },
    copyright: '',
  });
  for (const e of entries) {
    const url = `${base}${proposalPath(call.slug, e.proposalId)}`;
    // A proposer who erased their account signed their withdrawal with a name now empty.
    const by = formerName(e.by, t('privacy.formerParticipant'));
    const diff = (e.diff ?? []).map((d) => t('calls.feedDiff', { field: t(d.field === 'title' ? 'calls.diffTitle' : 'calls.diffAbstract'), before: d.before, after: d.after }));
    feed.addItem({
      id: `${url}#${e.id}`,
      title: t('calls.feedEntryTitle', { status: t(`calls.status.${e.status}`), title: e.title }),
      link: url,
      date: e.at,
      author: [{ name: by }],
      description: [t('calls.by', { by }), e.reason, ...diff].filter(Boolean).join('\n'),
    });
  }
  return new Response(withLanguage(feed.atom1(), locale), { headers: feedHeaders(locale, 60) });
}
