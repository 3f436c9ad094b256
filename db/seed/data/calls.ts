import { and, eq } from 'drizzle-orm';
import type { ProposalStatus } from '@/lib/domain/calls';
import { localDate, zonedInstant } from '@/lib/domain/time';
import type { Tx } from '../../client';
import { personOfName } from '../../queries/people';
import {
  callCommittee,
  calls,
  events,
  programmeSessions,
  proposalFacilitators,
  proposalRevisions,
  proposals,
  proposalTransitions,
  sessionPeople,
  users,
} from '../../schema';

// Calls for proposals of the demo data (docs/calls.md):
// - the demo edition's open call, re-dated at every start (open since 20 days, closing in 10),
//   with a proposal in every state: one overdue (no status change for 20 days), and one accepted
//   and scheduled on the programme (`proposé par …`);
// - the Forum 2018's ten workshops "ouverts à vos propositions" (../shared/seeds/000) as a closed,
//   decided call. Its proposals were on the forum's wiki, which is gone; the one we know of is told
//   by its author (../shared/seeds/004) and is not reproduced: we invent no proposal and no
//   personal data for a real event, so the call is there with its dates and slots, without entries.
// Demo people are demo accounts (`@chemins.test`), never real people.

export const DEMO_CALL_SLUG = 'appel-edition-demo';
export const FORUM_2018_CALL_SLUG = 'forum-2018-ateliers-ouverts';
export const DEMO_CALL_ACCOUNTS = [
  { email: 'organisatrice@chemins.test', name: 'Organisatrice (démo)' },
  { email: 'comite@chemins.test', name: 'Membre du comité (démo)' },
];
export const DEMO_PROPOSER = { email: 'proposante@chemins.test', name: 'Proposante (démo)' };

const DAY = 86_400_000;
const TZ = 'Europe/Paris';
const COMMITTEE = 'Comité du programme (démo)';

type DemoProposal = {
  title: string;
  format: string;
  abstract: string;
  needs?: string;
  /** The timeline after `submitted`: status, days ago, reason. */
  trail: { status: ProposalStatus; daysAgo: number; reason?: string }[];
  submittedDaysAgo: number;
  /** A scheduled proposal's session (slug, days after today, start, end). */
  session?: { slug: string; inDays: number; start: string; end: string };
};

const DEMO_PROPOSALS: DemoProposal[] = [
  {
    title: 'Cartographier ensemble les communs de son territoire',
    format: 'Atelier',
    abstract: 'Un atelier de 90 minutes pour dresser à plusieurs la carte des communs d’un territoire : qui les entretient, avec quelles ressources, et où ils manquent.',
    needs: 'Un mur ou un grand tableau, des feutres.',
    submittedDaysAgo: 18,
    trail: [
      { status: 'under_review', daysAgo: 15 },
      { status: 'accepted', daysAgo: 8, reason: 'Répond au critère « faire ensemble » et complète les ateliers déjà programmés.' },
      { status: 'scheduled', daysAgo: 6, reason: 'Programmé le troisième jour, en fin d’après-midi.' },
    ],
    session: { slug: 'atelier-cartographier-les-communs', inDays: 2, start: '16:00', end: '17:30' },
  },
  {
    title: 'Tiers-lieux et accessibilité : retours d’expérience',
    format: 'Table ronde',
    abstract: 'Trois tiers-lieux racontent ce qu’ils ont changé pour accueillir les personnes en situation de handicap, et ce qui reste à faire.',
    submittedDaysAgo: 16,
    trail: [
      { status: 'under_review', daysAgo: 12 },
      { status: 'accepted', daysAgo: 2, reason: 'Un sujet demandé par les participant·e·s de l’édition précédente.' },
    ],
  },
  {
    title: 'Documenter une initiative en 45 minutes',
    format: 'Atelier',
    abstract: 'Une méthode courte pour rédiger une fiche initiative à plusieurs, avec un gabarit libre.',
    submittedDaysAgo: 14,
    trail: [{ status: 'changes_requested', daysAgo: 5, reason: 'Le format de 45 minutes ne tient pas dans nos créneaux de 90 minutes : pouvez-vous l’étendre ou le coupler ?' }],
  },
  {
    title: 'Présentation de notre logiciel propriétaire',
    format: 'Conférence',
    abstract: 'Une présentation commerciale de notre solution.',
    submittedDaysAgo: 19,
    trail: [{ status: 'declined', daysAgo: 10, reason: 'Hors des critères de l’appel : les interventions doivent porter sur des pratiques ouvertes et non commerciales.' }],
  },
  {
    title: 'Gouvernance ouverte d’un réseau d’acteurs',
    format: 'Table ronde',
    abstract: 'Comment un réseau décide-t-il à plusieurs ? Retours de trois réseaux régionaux.',
    // No status change for 20 days: overdue (staleDays 14).
    submittedDaysAgo: 22,
    trail: [{ status: 'under_review', daysAgo: 20 }],
  },
  {
    title: 'Apprendre avec les badges ouverts',
    format: 'Atelier',
    abstract: 'Créer, demander et reconnaître des badges ouverts entre pairs.',
    submittedDaysAgo: 3,
    trail: [],
  },
  {
    title: 'Un atelier que nous ne pourrons finalement pas animer',
    format: 'Atelier',
    abstract: 'Proposition retirée par son autrice.',
    submittedDaysAgo: 12,
    trail: [{ status: 'withdrawn', daysAgo: 9 }],
  },
];

async function userId(tx: Tx, a: { email: string; name: string }) {
  await tx.insert(users).values(a).onConflictDoNothing({ target: users.email });
  const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, a.email));
  return u!.id;
}


/** The demo edition's open call: dates re-applied at every start, proposals written once. */
export async function seedDemoCall(tx: Tx, demoEventId: string, now: Date): Promise<void> {
  const dates = { opensAt: new Date(now.getTime() - 20 * DAY), closesAt: new Date(now.getTime() + 10 * DAY), answerBy: new Date(now.getTime() + 25 * DAY) };
  const [created] = await tx
    .insert(calls)
    .values({
      eventId: demoEventId,
      slug: DEMO_CALL_SLUG,
      title: 'Appel à ateliers de l’édition de démonstration',
      description: 'Proposez un atelier, une table ronde ou une conférence. Toutes les propositions, et chaque décision avec sa raison, sont publiques ici.',
      ...dates,
      formats: ['Atelier', 'Table ronde', 'Conférence'],
      slots: 5,
      questions: ['À qui s’adresse votre proposition ?', 'Qu’est-ce que les participant·e·s emporteront ?'],
      criteria: 'Pratiques ouvertes et non commerciales ; faire ensemble plutôt qu’écouter ; diversité des territoires et des intervenant·e·s.',
      visibility: 'open',
      committeeName: COMMITTEE,
      staleDays: 14,
    })
    .onConflictDoNothing({ target: calls.slug })
    .returning();
  if (!created) {
    await tx.update(calls).set(dates).where(eq(calls.slug, DEMO_CALL_SLUG));
    return;
  }
  for (const a of DEMO_CALL_ACCOUNTS) await tx.insert(callCommittee).values({ callId: created.id, userId: await userId(tx, a), name: a.name });
  const proposer = await userId(tx, DEMO_PROPOSER);
  const [event] = await tx.select().from(events).where(eq(events.id, demoEventId));
  for (const d of DEMO_PROPOSALS) {
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    const last = d.trail.at(-1);
    let sessionId: string | null = null;
    if (d.session) {
      const day = localDate(new Date(now.getTime() + d.session.inDays * DAY), TZ);
      const [s] = await tx
        .insert(programmeSessions)
        .values({
          eventId: event!.id,
          slug: d.session.slug,
          title: d.title,
          description: d.abstract,
          kind: 'workshop',
          startsAt: zonedInstant(day, d.session.start, TZ),
          endsAt: zonedInstant(day, d.session.end, TZ),
        })
        .onConflictDoNothing()
        .returning({ id: programmeSessions.id });
      const [row] = s ? [s] : await tx.select({ id: programmeSessions.id }).from(programmeSessions).where(and(eq(programmeSessions.eventId, event!.id), eq(programmeSessions.slug, d.session.slug)));
      sessionId = row!.id;
      await tx.insert(sessionPeople).values({ sessionId, personId: await personOfName(tx, DEMO_PROPOSER.name), role: 'facilitator' }).onConflictDoNothing();
    }
    const [p] = await tx
      .insert(proposals)
      .values({
        callId: created.id,
        title: d.title,
        format: d.format,
        abstract: d.abstract,
        needs: d.needs ?? '',
        proposerUserId: proposer,
        proposerName: DEMO_PROPOSER.name,
        proposerEmail: DEMO_PROPOSER.email,
        status: last?.status ?? 'submitted',
        statusChangedAt: at(last?.daysAgo ?? d.submittedDaysAgo),
        sessionId,
        createdAt: at(d.submittedDaysAgo),
        updatedAt: at(last?.daysAgo ?? d.submittedDaysAgo),
      })
      .returning({ id: proposals.id });
    await tx.insert(proposalRevisions).values({ proposalId: p!.id, version: 1, title: d.title, format: d.format, abstract: d.abstract, createdAt: at(d.submittedDaysAgo) });
    await tx.insert(proposalFacilitators).values({ proposalId: p!.id, name: DEMO_PROPOSER.name, email: DEMO_PROPOSER.email, confirmedAt: at(d.submittedDaysAgo) });
    await tx.insert(proposalTransitions).values([
      { proposalId: p!.id, status: 'submitted', at: at(d.submittedDaysAgo), by: DEMO_PROPOSER.name },
      ...d.trail.map((t) => ({ proposalId: p!.id, status: t.status, at: at(t.daysAgo), by: t.status === 'withdrawn' ? DEMO_PROPOSER.name : COMMITTEE, reason: t.reason ?? null })),
    ]);
  }
}

/** Forum 2018: its ten open workshop slots as a closed, decided call (written with the historical data). */
export async function seedForum2018Call(tx: Tx): Promise<void> {
  const [event] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, 'forum-usages-cooperatifs-2018'));
  if (!event) return;
  const [created] = await tx
    .insert(calls)
    .values({
      eventId: event.id,
      slug: FORUM_2018_CALL_SLUG,
      title: 'Ateliers ouverts à vos propositions (Forum 2018)',
      description:
        'Au-delà des 10 thèmes d’ateliers déjà programmés, 10 ateliers sont ouverts à vos propositions (5 par jour, mercredi 4 et jeudi 5 juillet, 15 h 30 – 17 h). Les propositions se déposaient sur le wiki du forum.',
      opensAt: zonedInstant('2017-11-01', '00:00', TZ),
      closesAt: zonedInstant('2018-03-31', '23:59', TZ),
      answerBy: zonedInstant('2018-04-15', '23:59', TZ),
      formats: ['Atelier'],
      slots: 10,
      questions: ['Quel sera votre apport dans le cadre de cette intervention, ou sur quel sujet interviendrez-vous ?'],
      criteria: 'Coopération ouverte : un partage sincère qui donne à voir, relie et contribue aux communs.',
      visibility: 'closed',
      committeeName: 'Comité d’organisation du forum',
      staleDays: 30,
    })
    .onConflictDoNothing({ target: calls.slug })
    .returning({ id: calls.id });
  if (created) await tx.insert(callCommittee).values({ callId: created.id, userId: await userId(tx, DEMO_CALL_ACCOUNTS[0]!), name: DEMO_CALL_ACCOUNTS[0]!.name });
}
