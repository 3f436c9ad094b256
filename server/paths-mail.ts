import { createTranslator } from 'next-intl';
import type { CallMailPayload } from '@/db/queries/calls';
import { digestContent } from '@/db/queries/digest';
import type { OutgoingPathMail } from '@/db/queries/mail';
import { publicUrl } from '@/lib/config';
import type { Locale } from '@/lib/i18n';
import { messagesOf } from './catalogue';
import { composeCallMail } from './calls-mail';
import type { Mail } from './mail';

// Mails of the paths: a proposal's outcome to its proposer, and the digest of a path's new
// resources (with one-click unsubscribe: RFC 8058). Texts from the `pathsMail` catalogue.

/** The `pathsMail` catalogue outside a request (mail worker, feeds). */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: messagesOf(locale), namespace: 'pathsMail' });
}

/** The one-click unsubscribe URL of a subscription (POST unsubscribes; GET shows a confirmation). */
export function unsubscribeUrl(base: string, pathSlug: string, token: string): string {
  return `${base}/api/paths/${encodeURIComponent(pathSlug)}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** Compose a path mail, or null when it no longer applies (a digest whose subscription was cancelled, or empty). */
export async function composePathMail(m: OutgoingPathMail): Promise<Mail | null> {
  const base = publicUrl();
  const p = m.payload;
  if (m.kind === 'call_mail') return composeCallMail(p as CallMailPayload);
  if (m.kind === 'resource_outcome') {
    const t = translator(p.locale === 'en' ? 'en' : 'fr');
    const path = (p.path as { slug: string; title: string } | null) ?? { slug: '', title: '' };
    const values = {
      name: String(p.name ?? ''),
      title: String(p.title ?? ''),
      path: path.title,
      url: `${base}/resources/${String(p.slug ?? '')}`,
      reason: String(p.reason ?? ''),
    };
    const published = p.outcome === 'published';
    return {
      to: String(p.to),
      subject: t(published ? 'outcomePublishedSubject' : 'outcomeDeclinedSubject', values),
      text: `${t(published ? 'outcomePublishedBody' : 'outcomeDeclinedBody', values)}\n\n${t('signature')}\n`,
    };
  }
  const content = await digestContent(m.subscriptionId ?? '', (p.resourceIds as string[] | undefined) ?? []);
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
