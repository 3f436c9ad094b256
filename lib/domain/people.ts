import { z } from 'zod';
import { slugify } from './resources';

// People and organizations (docs/people.md): the rules shared by the seed, the queries and the pages.

/** Kinds of organizations (the database enum `organization_kind` is declared from this list). */
export const ORGANIZATION_KINDS = ['association', 'public_body', 'company', 'network', 'school', 'research', 'collective'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/**
 * Named formats of a programme, beyond the session kinds: a "regards croisés" duo (two witnesses,
 * one hour, one subject), a "20 minutes avec" short talk, a masterclass, a standing space open
 * through the event (the medialab, the forum).
 */
export const SESSION_FORMATS = ['regards_croises', 'vingt_minutes', 'masterclass', 'standing'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

/**
 * A person's or organization's identity: the slug of a name (accents, case and punctuation folded,
 * so "Bouere" and "Bouëre", "Groleas" and "Groléas" are one key). Initials ("JF Marchandise") are
 * not guessed: the seed maps them with explicit aliases, and organizers merge the rest.
 */
export function identityKey(name: string): string {
  return slugify(name.replace(/\s+/g, ' ').trim());
}

/** `POST` merge of two people: keep `into`, fold `from` into it. */
export const mergeRequest = z
  .object({ from: z.string().trim().min(1).max(100), into: z.string().trim().min(1).max(100) })
  .strict()
  .refine((v) => v.from !== v.into, { message: 'same', path: ['from'], params: { code: 'same_person' } });

/** A session a person or organization contributed to, as their page lists it. */
export type ContributedSession = {
  slug: string;
  title: string;
  kind: string;
  format: string | null;
  startsAt: Date;
  endsAt: Date;
  status: 'confirmed' | 'tentative' | 'cancelled';
  /** How they took part: a role (speaker, facilitator…), or `programme` for a session of the organization's programme. */
  role: string;
  /** For a person: the organization printed beside them for this session. */
  organization: string | null;
  event: { slug: string; title: string; timeZone: string };
};

/** Who contributes to a session, as pages print them (a part of the programme's session view). */
export type SessionContributors = {
  /** People, each by identity (`key`), with the organization printed for this session. */
  people: { key: string | null; name: string; organization: string | null; organizationKey: string | null; role: string }[];
  /** Organizations contributing as such (never listed as people). */
  organizations: { key: string; name: string; role: string }[];
};
