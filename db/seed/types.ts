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
  organization?: string;
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
  capacity?: number | null; // default null (unlimited)
  language?: string; // default 'fr'
  /** Registrants are told the session is recorded (default false). */
  recordingAnnounced?: boolean;
  people?: SeedPersonRef[];
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
  /** `organization`: an organization or network coordinating, shown as such. */
  coordinators: { name: string; organization?: string; kind?: 'person' | 'organization' }[];
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
