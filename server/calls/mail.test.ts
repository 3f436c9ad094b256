import { describe, expect, it } from 'vitest';
import { composeCallMail } from './mail';

const base = { to: 'alice@chemins.test', name: 'Alice', call: 'Appel', title: 'Atelier', path: '/calls/appel/proposals/1' };

describe('call mails', () => {
  it('are written in the recipient’s language', () => {
    const fr = composeCallMail({ ...base, template: 'ack', locale: 'fr' });
    expect(fr.subject).toBe('Proposition reçue : Atelier');
    expect(fr.text).toContain('/calls/appel/proposals/1');
    const en = composeCallMail({ ...base, template: 'ack', locale: 'en' });
    expect(en.subject).toBe('Proposal received: Atelier');
  });
  it('tell the status, who decided, why, and what scheduling changed', () => {
    const m = composeCallMail({
      ...base,
      template: 'status',
      locale: 'fr',
      status: 'scheduled',
      by: 'Comité',
      reason: 'Fin d’après-midi.',
      diff: [{ field: 'title', before: 'Atelier', after: 'Atelier ouvert' }],
    });
    expect(m.subject).toBe('Programmée : Atelier');
    expect(m.text).toContain('Décision de : Comité.');
    expect(m.text).toContain('Fin d’après-midi.');
    expect(m.text).toContain('− Atelier\n  + Atelier ouvert');
    const en = composeCallMail({ ...base, template: 'status', locale: 'en', status: 'declined', by: 'Committee', reason: 'Off topic.' });
    expect(en.subject).toBe('Declined: Atelier');
    expect(en.text).toContain('Reason:\nOff topic.');
  });
  it('invite a co-facilitator with the confirmation link', () => {
    const m = composeCallMail({ ...base, template: 'invite', locale: 'fr', proposer: 'Bruno', confirmPath: '/calls/confirm/tok' });
    expect(m.subject).toContain('Bruno');
    expect(m.text).toMatch(/\/calls\/confirm\/tok/);
  });
});
