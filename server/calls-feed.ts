import { createTranslator } from 'next-intl';
import { Feed } from 'feed';
import { callDecisions, proposalPath } from '@/db/queries/calls';
import { publicUrl } from '@/lib/config';
import { apiError } from '@/lib/http';
import fr from '@/messages/fr.json' with { type: 'json' };

/** `GET /api/calls/{call}/decisions.atom`: every decision of an open call, newest first. */
export async function decisionsAtomResponse(callSlug: string): Promise<Response> {
  const data = await callDecisions(callSlug);
  if (!data) return apiError(404, 'call_not_found', 'No such call for proposals.');
  if (!data.entries) return apiError(403, 'call_closed', 'The decisions of a closed call are not public.');
  // Feeds are read by programs without a language preference: French, the site's first language.
  const t = createTranslator({ locale: 'fr', messages: fr, namespace: 'calls' });
  const base = publicUrl();
  const host = new URL(base).hostname;
  const { call, entries } = data;
  const feed = new Feed({
    id: `tag:${host},2026:calls/${call.slug}`,
    title: `${t('feed')} — ${call.title}`,
    description: call.description || call.title,
    link: `${base}/calls/${call.slug}`,
    language: 'fr',
    updated: entries[0]?.at ?? call.updatedAt,
    generator: 'Chemins',
    feedLinks: { atom: `${base}/api/calls/${call.slug}/decisions.atom` },
    author: { name: call.committeeName, link: `${base}/calls/${call.slug}` },
    copyright: '',
  });
  for (const e of entries) {
    const url = `${base}${proposalPath(call.slug, e.proposalId)}`;
    const diff = (e.diff ?? []).map((d) => `${t(d.field === 'title' ? 'diffTitle' : 'diffAbstract')} : « ${d.before} » → « ${d.after} »`);
    feed.addItem({
      id: `${url}#${e.id}`,
      title: `${t(`status.${e.status}`)} : ${e.title}`,
      link: url,
      date: e.at,
      author: [{ name: e.by }],
      description: [t('by', { by: e.by }), e.reason, ...diff].filter(Boolean).join('\n'),
    });
  }
  return new Response(feed.atom1(), { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=60' } });
}
