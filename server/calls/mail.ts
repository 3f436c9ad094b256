import { createTranslator } from 'next-intl';
import type { CallMailPayload } from '@/lib/mail/outbox';
import { publicUrl } from '@/lib/config';
import { messagesOf } from '../catalogue';
import type { Mail } from '@/server/mail/transport';

// Mails of calls for proposals, in the recipient's language (`callsMail` catalogue): the
// acknowledgement, each status change with who and why (and what scheduling changed in the text),
// and a co-facilitator's invitation to confirm their part.

export function composeCallMail(p: CallMailPayload): Mail {
  const t = createTranslator({ locale: p.locale, messages: messagesOf(p.locale), namespace: 'callsMail' });
  const tStatus = createTranslator({ locale: p.locale, messages: messagesOf(p.locale), namespace: 'calls.status' });
  const base = publicUrl();
  const values = { name: p.name, call: p.call, title: p.title, url: `${base}${p.path}` };
  const signature = `\n\n${t('signature')}\n`;
  if (p.template === 'ack') return { to: p.to, subject: t('ackSubject', values), text: `${t('ackBody', values)}${signature}` };
  if (p.template === 'invite') {
    return {
      to: p.to,
      subject: t('inviteSubject', { ...values, proposer: p.proposer ?? '' }),
      text: `${t('inviteBody', { ...values, proposer: p.proposer ?? '', confirm: `${base}${p.confirmPath ?? ''}` })}${signature}`,
    };
  }
  const status = tStatus(p.status ?? 'submitted');
  const diff = (p.diff ?? []).map((d) => `${t(d.field === 'title' ? 'diffTitle' : 'diffAbstract')}\n  − ${d.before}\n  + ${d.after}`);
  return {
    to: p.to,
    subject: t('statusSubject', { ...values, status }),
    text: `${t('statusBody', { ...values, status, by: p.by ?? '' })}${p.reason ? `\n\n${t('reason', { reason: p.reason })}` : ''}${diff.length ? `\n\n${t('diffIntro')}\n${diff.join('\n')}` : ''}\n\n${t('trail', values)}${signature}`,
  };
}
