import { localDate } from '@/lib/domain/time';
import type { SeedEvent, SeedSession } from '../types';

export const DEMO_EVENT_SLUG = 'edition-demo';
export const DEMO_LIVE_SESSION_SLUG = 'ouverture-en-direct';
/** A workshop live at the same time: a discussion room where every participant may speak. */
export const DEMO_LIVE_WORKSHOP_SLUG = 'atelier-en-direct';
/** A session of yesterday with a replay (db/seed/replays.ts): its conversation beside the video. */
export const DEMO_REPLAY_SESSION_SLUG = 'webinaire-d-hier';
/** A hybrid session with 3 chairs and 3 online seats: both fill up in a test (issue 28). */
export const DEMO_HYBRID_SESSION_SLUG = 'cafe-hybride';
/** The demo speaker: a programme person of *Ouverture en direct*, linked to her account (people.user_id). */
export const DEMO_SPEAKER = { email: 'intervenante@chemins.test', name: 'Intervenante (démo)' };
/**
 * Demo accounts and their grants (lib/policy): the organizer organizes the demo edition; the
 * moderator moderates its live sessions and yesterday's (one grant per session); the speaker
 * speaks in *Ouverture en direct* only, as a programme person linked to her account; the captioner
 * types the live captions of *Ouverture en direct*; the interpreter interprets it into English.
 */
export const DEMO_ACCOUNTS: {
  email: string;
  name: string;
  grant: { role: 'organizer' } | { role: 'moderator' | 'captioner'; sessions: string[] } | { role: 'interpreter'; lang: string; sessions: string[] } | null;
}[] = [
  { email: 'organisatrice@chemins.test', name: 'Organisatrice (démo)', grant: { role: 'organizer' } },
  {
    email: 'moderateur@chemins.test',
    name: 'Modérateur (démo)',
    grant: { role: 'moderator', sessions: [DEMO_LIVE_SESSION_SLUG, DEMO_LIVE_WORKSHOP_SLUG, DEMO_REPLAY_SESSION_SLUG] },
  },
  { ...DEMO_SPEAKER, grant: null },
  { email: 'sous-titrage@chemins.test', name: 'Sous-titrage (démo)', grant: { role: 'captioner', sessions: [DEMO_LIVE_SESSION_SLUG] } },
  { email: 'interpretation@chemins.test', name: 'Interprète EN (démo)', grant: { role: 'interpreter', lang: 'en', sessions: [DEMO_LIVE_SESSION_SLUG] } },
];

const TZ = 'Europe/Paris';

function localParts(instant: Date): { day: string; time: string } {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return { day: localDate(instant, TZ), time };
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * A demo edition dated relative to `now`: one online session live right now, and a few
 * sessions in the coming days, so that live features can be tried as soon as the demo starts.
 * Re-applied at every start: the live session moves with the clock, slugs (and so URLs) stay.
 */
export function demoEdition(now: Date): SeedEvent {
  const startMs = Math.floor((now.getTime() - 10 * 60_000) / (5 * 60_000)) * 5 * 60_000;
  const liveStart = localParts(new Date(startMs));
  const liveEnd = localParts(new Date(startMs + 3 * 3_600_000));
  const today = liveStart.day;
  const d1 = addDays(today, 1);
  const d2 = addDays(today, 2);
  const yesterday = addDays(today, -1);
  const sessions: SeedSession[] = [
    {
      slug: DEMO_LIVE_SESSION_SLUG,
      title: 'Ouverture en direct : les chemins de la coopération',
      kind: 'plenary',
      day: liveStart.day,
      start: liveStart.time,
      end: liveEnd.time,
      endDay: liveEnd.day !== liveStart.day ? liveEnd.day : undefined,
      room: 'salle-en-ligne',
      track: 'cooperation',
      mode: 'hybrid',
      // A plenary's overflow: above 500 people in the room, new audience members watch the HLS diffusion.
      diffusionAbove: 500,
      description:
        'Session de démonstration, toujours en direct au démarrage de la démo : présence, questions et vidéo se testent ici.',
      people: [{ name: DEMO_SPEAKER.name, role: 'speaker' }],
      organizations: [{ org: 'equipe-chemins', role: 'host' }],
    },
    {
      slug: DEMO_LIVE_WORKSHOP_SLUG,
      title: 'Atelier en direct : tour de table des initiatives',
      kind: 'workshop',
      day: liveStart.day,
      start: liveStart.time,
      end: liveEnd.time,
      endDay: liveEnd.day !== liveStart.day ? liveEnd.day : undefined,
      room: 'atelier-en-ligne',
      track: 'communs',
      mode: 'online',
      capacity: 12,
      description: 'Atelier de démonstration, toujours en direct au démarrage de la démo : chacun·e peut prendre la parole en vidéo.',
      organizations: [{ org: 'equipe-chemins', role: 'facilitator' }],
    },
    {
      slug: DEMO_REPLAY_SESSION_SLUG,
      title: 'Webinaire d’hier : ouvrir les données d’un territoire',
      kind: 'session',
      day: yesterday,
      start: '10:00',
      end: '11:00',
      room: 'salle-en-ligne',
      track: 'cooperation',
      mode: 'online',
      recordingAnnounced: true,
      description: 'Session passée de la démonstration : son replay se regarde avec ses questions et son chat à côté de la vidéo.',
      organizations: [{ org: 'equipe-chemins', role: 'host' }],
    },
    {
      slug: 'atelier-documenter-ensemble',
      title: 'Atelier : documenter ensemble une initiative',
      kind: 'workshop',
      day: d1,
      start: '10:00',
      end: '12:00',
      room: 'atelier-en-ligne',
      track: 'communs',
      mode: 'online',
      capacity: 12,
      description: 'Atelier en petit groupe (12 places) pour rédiger une fiche initiative à plusieurs mains.',
      organizations: [{ org: 'equipe-chemins', role: 'facilitator' }],
    },
    {
      slug: 'table-ronde-tiers-lieux',
      title: 'Table ronde : tiers-lieux et médiation numérique',
      kind: 'round_table',
      day: d1,
      start: '14:00',
      end: '15:30',
      room: 'grande-salle',
      track: 'cooperation',
      mode: 'hybrid',
      capacity: 80,
    },
    {
      slug: DEMO_HYBRID_SESSION_SLUG,
      title: 'Café hybride : trois chaises, trois écrans',
      kind: 'workshop',
      day: d1,
      start: '16:00',
      end: '17:00',
      room: 'grande-salle',
      track: 'cooperation',
      mode: 'hybrid',
      capacity: 3,
      capacityOnline: 3,
      description: 'Petite session hybride de la démonstration : 3 places sur place et 3 en ligne, chacune avec sa liste d’attente.',
      organizations: [{ org: 'equipe-chemins', role: 'host' }],
    },
    {
      slug: 'recit-de-territoire',
      title: 'Récit de territoire (format court)',
      kind: 'short_talk',
      day: d2,
      start: '09:30',
      end: '09:50',
      room: 'grande-salle',
      track: 'communs',
      mode: 'hybrid',
      status: 'tentative',
    },
    {
      slug: 'reunion-coordinateurs',
      title: 'Réunion des coordinatrices et coordinateurs de chemins',
      kind: 'side_event',
      day: d2,
      start: '12:30',
      end: '13:30',
      room: 'atelier-en-ligne',
      mode: 'online',
      visibility: 'invitation',
      capacity: 20,
    },
    {
      slug: 'apero-de-cloture',
      title: 'Apéro de clôture',
      kind: 'social',
      day: d2,
      start: '18:00',
      end: '20:00',
      room: 'grande-salle',
      mode: 'onsite',
    },
  ];
  return {
    slug: DEMO_EVENT_SLUG,
    title: 'Chemins — édition de démonstration',
    description:
      'Une édition fictive, datée par rapport à aujourd’hui, pour essayer le programme, la présence en direct, les questions et la vidéo.',
    timeZone: TZ,
    location: 'En ligne et à Brest',
    days: [{ date: yesterday }, { date: today }, { date: d1 }, { date: d2 }].filter(
      (d, i, all) => all.findIndex((x) => x.date === d.date) === i,
    ),
    rooms: [
      { key: 'salle-en-ligne', name: 'Salle en ligne', kind: 'online' },
      { key: 'atelier-en-ligne', name: 'Atelier en ligne', kind: 'online', capacity: 12 },
      { key: 'grande-salle', name: 'Grande salle', kind: 'physical', capacity: 120 },
    ],
    tracks: [
      { key: 'cooperation', name: 'Coopération' },
      { key: 'communs', name: 'Communs' },
    ],
    sessions,
    questions: [
      { key: 'dejeuner', label: 'Déjeunerez-vous sur place ?', kind: 'yesno' },
      {
        key: 'accessibilite',
        label: 'Besoins d’accessibilité',
        kind: 'multiple',
        options: ['Accès en fauteuil', 'Boucle magnétique', 'Interprétation LSF', 'Sous-titrage'],
      },
    ],
  };
}
