import { describe, expect, it } from 'vitest';
import { type RegistrationCsvLabels, registrationsCsv } from './registrations';

const fr: RegistrationCsvLabels = {
  column: (c) => ({ name: 'Nom', email: 'E-mail', registeredAt: 'Inscrit·e le (Europe/Paris)', checkedInAt: 'Arrivé·e le (Europe/Paris)', sessions: 'Sessions', modes: 'Sur place ou en ligne' })[c],
  seat: (s) => ({ confirmed: 'confirmée', waitlisted: 'en attente' })[s],
  mode: (m) => ({ onsite: 'sur place', online: 'en ligne' })[m],
  yes: 'oui',
  no: 'non',
  former: 'ancien·ne participant·e',
};
const at = new Date('2026-11-23T09:10:00Z');

describe('registrationsCsv', () => {
  it('writes headers, seat statuses, yes/no and dates (the event’s wall-clock time) in the reader’s language', () => {
    const csv = registrationsCsv(
      [
        { name: 'Awa', email: 'awa@example.org', answers: { repas: true, ateliers: ['a', 'b'], note: '=1+1' }, createdAt: at, checkedInAt: null, seats: [{ title: 'Ouverture', status: 'confirmed', mode: 'onsite' }, { title: 'Atelier', status: 'waitlisted', mode: 'online' }] },
        { name: '', email: 'erased-x@invalid', answers: { repas: false }, createdAt: at, checkedInAt: new Date('2026-11-24T08:00:00Z'), seats: [] },
      ],
      [{ key: 'repas', label: 'Déjeuner sur place ?' }],
      'Europe/Paris',
      fr,
    );
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
    // Answers: the question's label when the question is still there, its key otherwise; keys sorted.
    expect(lines[0]).toBe('Nom,E-mail,Inscrit·e le (Europe/Paris),Arrivé·e le (Europe/Paris),Sessions,Sur place ou en ligne,ateliers,note,Déjeuner sur place ?');
    expect(lines[1]).toBe(`Awa,awa@example.org,2026-11-23 10:10,,Ouverture (confirmée); Atelier (en attente),sur place; en ligne,a; b,'=1+1,oui`);
    // An erased registrant (empty name) is a former participant.
    expect(lines[2]).toBe('ancien·ne participant·e,erased-x@invalid,2026-11-23 10:10,2026-11-24 09:00,,,,,non');
  });

  it('neutralises formulas in names', () => {
    const csv = registrationsCsv([{ name: '@SUM(A1)', email: 'a@b.c', answers: {}, createdAt: at, checkedInAt: null, seats: [] }], [], 'UTC', fr);
    expect(csv.split('\n')[1]).toBe(`'@SUM(A1),a@b.c,2026-11-23 09:10,,,`);
  });
});
