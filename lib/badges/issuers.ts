import { type AchievementKind, DEFAULT_MIN_MINUTES } from '../domain/badges';
import type { AchievementFacts, IssuerFacts } from './documents';

/** The platform's own issuer (paths, contributions, endorsements). */
export const PLATFORM_ISSUER_SLUG = 'chemins';
export const PLATFORM_NAME = 'Chemins';

export type BuiltInAchievement = { kind: AchievementKind; name: string; description: string; criteria: string; minMinutes?: number };

/** Default built-in achievements of a new issuer (editable by its organizers afterwards). */
export const BUILT_INS: Record<'event' | 'platform', BuiltInAchievement[]> = {
  event: [
    {
      kind: 'participated',
      name: 'A participé',
      description: 'A pris part aux sessions en direct de l’événement, en ligne ou sur place.',
      criteria: `Au moins ${DEFAULT_MIN_MINUTES} minutes dans les sessions en direct (présence enregistrée par la salle vidéo), ou un passage à l’accueil sur place.`,
      minMinutes: DEFAULT_MIN_MINUTES,
    },
    {
      kind: 'facilitated',
      name: 'A animé',
      description: 'A fait vivre une session : intervention, animation ou modération.',
      criteria: 'Intervenant·e, animateur·rice ou modérateur·rice d’une session du programme.',
    },
  ],
  platform: [
    {
      kind: 'contributed',
      name: 'A contribué',
      description: 'A partagé une ressource publiée sur un chemin de la coopération.',
      criteria: 'Une ressource publiée sur un chemin (ou une proposition acceptée).',
    },
  ],
};

/** An event's issuer takes the event's slug, or the slug and the event id's first 8 characters when the slug is taken. */
export const eventIssuerSlug = (eventSlug: string, eventId: string, slugTaken: boolean) => (slugTaken ? `${eventSlug}-${eventId.slice(0, 8)}` : eventSlug);

/** What the JSON-LD documents say of an issuer: an event's issuer points at the event's page. */
export function issuerFacts(issuer: { slug: string; name: string; eventId: string | null }, base: string): IssuerFacts {
  return { slug: issuer.slug, name: issuer.name, url: issuer.eventId ? `${base}/events/${issuer.slug}` : base };
}

export function achievementFacts(a: AchievementFacts): AchievementFacts {
  return { id: a.id, name: a.name, description: a.description, criteria: a.criteria, image: a.image, kind: a.kind };
}

export type PublishedDocumentRef = { slug: string; which: 'profile' | 'key' } | { slug: string; which: 'status'; list: string };

/**
 * Which of the documents this platform publishes under its public URL a URL names (issuer
 * profiles, keys and status lists: what the verifier resolves), or null for any other URL.
 */
export function publishedDocumentRef(base: string, url: string): PublishedDocumentRef | null {
  if (!url.startsWith(`${base}/api/issuers/`)) return null;
  const [slug, what, list, ...rest] = url.slice(`${base}/api/issuers/`.length).split('#')[0]!.split('/');
  if (!slug || rest.length) return null;
  if (what === undefined) return { slug, which: 'profile' };
  if (what === 'key' && list === undefined) return { slug, which: 'key' };
  if (what === 'status' && list) return { slug, which: 'status', list };
  return null;
}
