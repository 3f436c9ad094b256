// Shape of the demo data transcribed from ../shared/seeds (see db/seed/README in docs/).
// Plain data only: the seeder (db/seed/index.ts) maps it onto the database.

export type SessionKind =
  | 'plenary'
  | 'session'
  | 'workshop'
  | 'round_table'
  | 'short_talk'
  | 'side_event'
  | 'social';
export type SessionStatus = 'confirmed' | 'tentative' | 'cancelled';
export type SessionVisibility = 'public' | 'invitation';
export type SessionMode = 'onsite' | 'online' | 'hybrid';
export type PersonRole = 'speaker' | 'facilitator' | 'moderator' | 'host';

export interface SeedPersonRef {
  /** Name exactly as printed in the public programme. Never invent e-mails or other data. */
  name: string;
  /** Organization as printed; linked to a known organization (./data/organizations.ts) when it is one. */
  organization?: string;
  role: PersonRole;
  /** Key of the organization this person speaks for, when the printed text does not name it plainly. */
  org?: string;
}

/** An organization contributing as such ("Par le groupe UP", "Animée par la Mission Société Numérique"). */
export interface SeedOrgRef {
  /** Key in ./data/organizations.ts. */
  org: string;
  role: PersonRole;
}

export interface SeedSession {
  /** Unique within the event, kebab-case ASCII, stable (used in URLs and iCal UIDs). */
  slug: string;
  title: string;
  kind: SessionKind;
  /** Local date in the event's time zone, YYYY-MM-DD. */
  day: string;
  /** Local times HH:MM in the event's time zone. */
  start: string;
  end: string;
  /** Local date of the end when it differs from `day` (a session running past midnight). */
  endDay?: string;
  /** Key of one of the event's rooms, or undefined when the programme gives none. */
  room?: string;
  /** Key of one of the event's tracks/themes. */
  track?: string;
  description?: string;
  status?: SessionStatus; // default 'confirmed'
  visibility?: SessionVisibility; // default 'public'
  mode?: SessionMode; // default 'onsite'
  capacity?: number | null; // default null (unlimited); a hybrid session's chairs
  /** A hybrid session's online seats (default null: unlimited). */
  capacityOnline?: number | null;
  language?: string; // default 'fr'
  /** Registrants are told the session is recorded (default false). */
  recordingAnnounced?: boolean;
  /** A diffusion session's switch-over (lib/domain/diffusion.ts; default null: no diffusion). */
  diffusionAbove?: number | null;
  people?: SeedPersonRef[];
  /** Organizations contributing as such, listed after the people. */
  organizations?: SeedOrgRef[];
  /** A named format (lib/domain/people.ts SESSION_FORMATS): 'regards_croises', 'vingt_minutes'… */
  format?: 'regards_croises' | 'vingt_minutes' | 'masterclass' | 'standing';
  /** Key of the organization whose programme (parcours) this session belongs to. */
  programme?: string;
  /**
   * Set when the source gives no time (or one that cannot be read with certainty): what it says.
   * `start`/`end` are then a placeholder, and the programme shows this note beside them.
   */
  timeNote?: string;
}

export interface SeedRoom {
  key: string;
  name: string;
  kind: 'physical' | 'online';
  capacity?: number;
}

export interface SeedTrack {
  key: string;
  name: string;
  description?: string;
}

export interface SeedEvent {
  slug: string;
  title: string;
  description: string;
  /** IANA zone, 'Europe/Paris' for the French events. */
  timeZone: string;
  location?: string;
  /** Local dates YYYY-MM-DD, with an optional label such as "Mardi 3 juillet". */
  days: { date: string; label?: string }[];
  rooms: SeedRoom[];
  tracks: SeedTrack[];
  sessions: SeedSession[];
  /** Organizers, supporters, partners, graphic facilitation, by organization key. */
  organizations?: { org: string; role: 'organizer' | 'supporter' | 'partner' | 'graphic_facilitation' }[];
  /** People credited for the whole event (graphic facilitation). */
  people?: { name: string; role: 'organizer' | 'graphic_facilitation' }[];
  /** Invitation codes of the event's invitation-only sessions (session slug; none = every one). */
  invitationCodes?: { code: string; session?: string }[];
  /** Registration questions (key, label, kind, options). */
  questions?: { key: string; label: string; kind: 'text' | 'single' | 'multiple' | 'yesno'; options?: string[]; required?: boolean }[];
}

export interface SeedPath {
  slug: string;
  title: string;
  /** One or two sentences (cards, feeds). */
  summary?: string;
  /** Markdown. */
  description: string;
  /**
   * `organization`: an organization or network coordinating as such (`org` its key in
   * ./data/organizations.ts, else the slug of `name`); otherwise a person, for `organization`.
   */
  coordinators: { name: string; organization?: string; kind?: 'person' | 'organization'; org?: string }[];
}

/** A demo resource on a path (db/seed/data/path-resources.ts). */
export interface SeedResource {
  slug: string;
  /** Slug of its path. */
  path: string;
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  format: 'replay' | 'initiative' | 'meeting_report' | 'interview' | 'territorial_strategy' | 'creation' | 'remote_visit' | 'document' | 'link';
  language?: string; // default 'fr'
  date?: string;
  licence: string;
  authors: { name: string; organization?: string; kind: 'person' | 'organization' }[];
  mediaUrl?: string;
  /** Programme sessions it is about (event slug, session slug). */
  sessions?: { event: string; slug: string }[];
  /** A proposal waiting in the review queue (demo proposer), instead of a published resource. */
  proposal?: { name: string; email: string };
}
