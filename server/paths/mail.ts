import { createTranslator } from 'next-intl';
import { digestContent } from '@/db/queries/digest';
import { publicUrl } from '@/lib/config';
import type { Locale } from '@/lib/i18n';
import type { OutboxMail } from '@/lib/mail/outbox';
import { messagesOf } from '@/server/catalogue';
import type { Mail } from '@/server/mail/transport';

// Mails of the paths: a proposal's outcome to its proposer, and the digest of a path's new
// resources (with one-click unsubscribe: RFC 8058). Texts from the `pathsMail` catalogue.

/** The `pathsMail` catalogue outside a request (mail worker, feeds). */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: messagesOf(locale), namespace: 'pathsMail' });
}

/** The one-click unsubscribe URL of a subscription (POST unsubscribes; GET shows a confirmation). */
function unsubscribeUrl(base: string, pathSlug: string, token: string): string {
  return `${base}/api/paths/${encodeURIComponent(pathSlug)}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** A resource proposal's outcome, to its proposer. */
export async function composeResourceOutcome(m: OutboxMail<'resource_outcome'>): Promise<Mail> {
  const p = m.payload;
  const t = translator(p.locale ?? 'fr');
  const values = {
    name: p.name ?? '',
    title: p.title,
    path: p.path?.title ?? '',
    url: `${publicUrl()}/resources/${p.slug}`,
    reason: p.reason ?? '',
  };
  const published = p.outcome === 'published';
  return {
    to: p.to,
    subject: t(published ? 'outcomePublishedSubject' : 'outcomeDeclinedSubject', values),
    text: `${t(published ? 'outcomePublishedBody' : 'outcomeDeclinedBody', values)}\n\n${t('signature')}\n`,
  };
}

/** A path's digest, or null when it no longer applies (its subscription was cancelled, or nothing it lists is still published). */
export async function composePathDigest(m: OutboxMail<'path_digest'>): Promise<Mail | null> {
  const base = publicUrl();
  const content = await digestContent(m.refs.subscriptionId, m.payload.resourceIds);
  if (!content || !content.resources.length) return null;
  const t = translator(content.locale);
  const unsubscribe = unsubscribeUrl(base, content.path.slug, content.token);
  const items = content.resources.map((r) => `• ${r.title}\n  ${base}/resources/${r.slug}${r.summary ? `\n  ${r.summary.replace(/\s+/g, ' ').slice(0, 240)}` : ''}`);
  return {
    to: content.to,
    subject: t('digestSubject', { path: content.path.title, count: content.resources.length }),
    text: `${t('digestIntro', { path: content.path.title })}\n\n${items.join('\n\n')}\n\n${base}/paths/${content.path.slug}\n\n${t('signature')}\n\n${t('digestFooter', { url: unsubscribe })}\n`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `<${content.path.slug}.paths.chemins>`,
    },
  };
}
