import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { OUTBOX_KIND_NAMES } from '../lib/mail/kind-names';
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
// The lists of formats and statuses are the domain's (one definition).
import { RESOURCE_FORMATS, RESOURCE_STATUSES, type ResourceAuthor } from '../lib/domain/resources';
import { PROPOSAL_STATUSES } from '../lib/domain/calls';
import { ORGANIZATION_KINDS } from '../lib/domain/people';
import { ACHIEVEMENT_KINDS, BADGE_STATUSES } from '../lib/domain/badges';

const TOKEN_BYTES = 24;
let tokenPool = Buffer.alloc(0);
let tokenOffset = 0;

/**
 * 192 random bits, URL-safe. Drawn from a pool of random bytes refilled 256 tokens at a time
 * (as Node does for `randomUUID`): one call to the system's generator per 256 registrations.
 */
export function newToken(): string {
  if (tokenOffset + TOKEN_BYTES > tokenPool.length) {
    tokenPool = randomBytes(TOKEN_BYTES * 256);
    tokenOffset = 0;
  }
  const token = tokenPool.toString('base64url', tokenOffset, tokenOffset + TOKEN_BYTES);
  tokenOffset += TOKEN_BYTES;
  return token;
}

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();
/** The usual primary key: a random UUID. */
const uuidId = () => uuid('id').primaryKey().defaultRandom();
/** A required link to the row this one belongs to, deleted with it. */
const parentId = (name: string, parent: () => AnyPgColumn) => uuid(name).notNull().references(parent, { onDelete: 'cascade' });
/** The account this row belongs to (`user_id`), deleted with it. */
const ownerUserId = () => text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' });

// ---------------------------------------------------------------- auth (next-auth v4 + Drizzle adapter)

/**
 * An account. Its registrations (same e-mail, case-insensitive) are linked to it once their address
 * is proven: at sign-in, or when a registration's mailed link is opened (`link_registrations`,
 * `prove_registration`, db/functions/40_identity.sql): see docs/security.md.
 */
export const users = pgTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name'),
    email: text('email').notNull().unique(),
    emailVerified: ts('email_verified'),
    image: text('image'),
    createdAt: createdAt(),
  },
  (t) => [index('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

export const accounts = pgTable(
  'accounts',
  {
    userId: ownerUserId(),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: ownerUserId(),
    expires: ts('expires').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: ts('expires').notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------- programme

export const sessionKind = pgEnum('session_kind', [
  'plenary',
  'session',
  'workshop',
  'round_table',
  'short_talk',
  'side_event',
  'social',
]);
export const sessionStatus = pgEnum('session_status', ['confirmed', 'tentative', 'cancelled']);
export const sessionVisibility = pgEnum('session_visibility', ['public', 'invitation']);
export const sessionMode = pgEnum('session_mode', ['onsite', 'online', 'hybrid']);
export const roomKind = pgEnum('room_kind', ['physical', 'online']);
export const personRole = pgEnum('person_role', ['speaker', 'facilitator', 'moderator', 'host']);

export const events = pgTable('events', {
  id: uuidId(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  timeZone: text('time_zone').notNull().default('Europe/Paris'),
  location: text('location'),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  /** The licence of the event's open-data package (`GET /api/events/{event}/open-data.zip`, lib/domain/open-data.ts OPEN_DATA_LICENCES). */
  openDataLicence: text('open_data_licence').notNull().default('etalab-2.0'),
  createdAt: createdAt(),
});

export const eventDays = pgTable(
  'event_days',
  {
    id: uuidId(),
    eventId: parentId('event_id', () => events.id),
    date: date('date', { mode: 'string' }).notNull(),
    label: text('label'),
  },
  (t) => [unique('event_days_event_date_uq').on(t.eventId, t.date)],
);

export const rooms = pgTable(
  'rooms',
  {
    id: uuidId(),
    eventId: parentId('event_id', () => events.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: roomKind('kind').notNull().default('physical'),
    capacity: integer('capacity'),
  },
  (t) => [unique('rooms_event_key_uq').on(t.eventId, t.key)],
);

export const tracks = pgTable(
  'tracks',
  {
    id: uuidId(),
    eventId: parentId('event_id', () => events.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
  },
  (t) => [unique('tracks_event_key_uq').on(t.eventId, t.key)],
);

export const programmeSessions = pgTable(
  'programme_sessions',
  {
    id: uuidId(),
    eventId: parentId('event_id', () => events.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    kind: sessionKind('kind').notNull(),
    status: sessionStatus('status').notNull().default('confirmed'),
    visibility: sessionVisibility('visibility').notNull().default('public'),
    mode: sessionMode('mode').notNull().default('onsite'),
    /** Seats (null = unlimited); a hybrid session's chairs (its online seats: `capacityOnline`). */
    capacity: integer('capacity'),
    /** A hybrid session's online seats (null = unlimited); not used by other modes (0030). */
    capacityOnline: integer('capacity_online'),
    /** Confirmed seats, kept by db/queries/registrations in the same transactions as the seats. */
    confirmedCount: integer('confirmed_count').notNull().default(0),
    /** The online part of `confirmedCount` (a hybrid session's chairs taken: the rest), 0030. */
    confirmedOnline: integer('confirmed_online').notNull().default(0),
    language: text('language').notNull().default('fr'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    trackId: uuid('track_id').references(() => tracks.id, { onDelete: 'set null' }),
    /** Q&A moderation: `post` (visible at once) or `pre` (a moderator approves first). */
    qaModeration: text('qa_moderation', { enum: ['post', 'pre'] })
      .notNull()
      .default('post'),
    /**
     * Guests (no sign-in, no personal link) may ask, vote, chat and answer polls, each under
     * their browser's guest key (see lib/domain/live.ts `mayWrite`). Off by default.
     */
    guestsWrite: boolean('guests_write').notNull().default(false),
    /**
     * The room's QR code (`/q/{code}`) admits the people in the room as guests, in this session
     * only (true), or leads to registration (false); null: by the session's mode, admitted on site
     * and hybrid, not online (lib/domain/live.ts `roomAdmitsGuests`).
     */
    roomQrGuests: boolean('room_qr_guests'),
    /** Set while the LiveKit room is running (webhooks `room_started` / `room_finished`). */
    videoLiveSince: ts('video_live_since'),
    /**
     * The participant a moderator pins on the stage (the sign-language interpreter), by LiveKit
     * identity: kept large beside the active speaker for everyone (`stage:pin`, migration 0036).
     */
    stagePin: text('stage_pin'),
    /**
     * Registrants are told at registration that the session is recorded (shown on the session
     * page, the registration form and the pre-join screen). A workshop is recorded only then.
     */
    recordingAnnounced: boolean('recording_announced').notNull().default(false),
    /** Recording starts by itself when the room goes live (webhook `room_started`). */
    autoRecord: boolean('auto_record').notNull().default(false),
    /** Captions recognised from the speakers' audio where no captioner types (server/asr, issue 29). */
    recognisedCaptions: boolean('recognised_captions').notNull().default(false),
    /**
     * A *diffusion* session (issue 28, docs/diffusion.md): its audience may watch the stage as HLS.
     * null: no diffusion; 0: the audience always watches HLS; N: new audience members watch HLS once
     * the room holds N (lib/domain/diffusion.ts `watchesDiffusion`). Speakers and moderators stay on WebRTC.
     */
    diffusionAbove: integer('diffusion_above'),
    /** A named format of the event ("regards croisés", "20 minutes avec"), see lib/domain/people.ts SESSION_FORMATS. */
    format: text('format'),
    /** The organization whose programme (parcours) this session belongs to. */
    programmeOrganizationId: uuid('programme_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** What the source says about the time when it gives none or is ambiguous (shown beside the time). */
    scheduleNote: text('schedule_note'),
    /**
     * Not published yet (a session made from an accepted proposal): in the organizer's programme
     * only — not on the public programme, pages, exports nor open to registration (0025).
     */
    draft: boolean('draft').notNull().default(false),
    /** When the after-session job queued its feedback requests and "you missed it" mails (once; server/feedback). */
    afterSessionMailedAt: ts('after_session_mailed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('programme_sessions_event_slug_uq').on(t.eventId, t.slug),
    index('programme_sessions_event_start_idx').on(t.eventId, t.startsAt),
  ],
);

// ---------------------------------------------------------------- people and organizations (docs/people.md)

export const organizationKind = pgEnum('organization_kind', ORGANIZATION_KINDS);

/** An organization, network or public body: never a person. `key` is its stable identity (URLs, seed matching). */
export const organizations = pgTable('organizations', {
  id: uuidId(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  kind: organizationKind('kind').notNull().default('association'),
  url: text('url'),
  description: text('description').notNull().default(''),
});

/**
 * A person. `key` is their identity (a slug, never the display name: two spellings of one person
 * are one key); nullable only so that rows written by code unaware of it still insert (the seed
 * and every query of db/queries/people.ts set it). `name` stays unique for the older callers.
 */
export const people = pgTable('people', {
  id: uuidId(),
  name: text('name').notNull().unique(),
  organization: text('organization'),
  userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
  key: text('key').unique(),
  /** A short biography, as printed in the seed texts (no invented personal data). */
  bio: text('bio').notNull().default(''),
  photoUrl: text('photo_url'),
  links: jsonb('links').$type<{ label: string; url: string }[]>().notNull().default([]),
});

/** A person's affiliations (organizations they belong to or speak for), in order. */
export const personAffiliations = pgTable(
  'person_affiliations',
  {
    personId: parentId('person_id', () => people.id),
    organizationId: parentId('organization_id', () => organizations.id),
    /** Their position there, as printed ("directrice", "chercheur"), if any. */
    title: text('title'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.personId, t.organizationId] }), index('person_affiliations_org_idx').on(t.organizationId)],
);

export const sessionPeople = pgTable(
  'session_people',
  {
    sessionId: parentId('session_id', () => programmeSessions.id),
    personId: parentId('person_id', () => people.id),
    role: personRole('role').notNull(),
    position: integer('position').notNull().default(0),
    /** Organization as printed for this session (a person may appear under several). */
    organization: text('organization'),
    /** The organization this person speaks for in this session, when it is known as one. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId, t.role] }), index('session_people_person_idx').on(t.personId)],
);

/** An organization contributing to a session as such (no person named): "Par le groupe UP", "Qwant". */
export const sessionOrganizations = pgTable(
  'session_organizations',
  {
    sessionId: parentId('session_id', () => programmeSessions.id),
    organizationId: parentId('organization_id', () => organizations.id),
    role: personRole('role').notNull(),
    /** Shares the ordering of session_people (one list of contributors). */
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.organizationId, t.role] }), index('session_organizations_org_idx').on(t.organizationId)],
);

/** Organizations around an event: organizers, supporters, partners (shown on the event page). */
export const eventOrganizations = pgTable(
  'event_organizations',
  {
    eventId: parentId('event_id', () => events.id),
    organizationId: parentId('organization_id', () => organizations.id),
    role: text('role', { enum: ['organizer', 'supporter', 'partner', 'graphic_facilitation'] }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organizationId, t.role] }), index('event_organizations_org_idx').on(t.organizationId)],
);

/** People credited for a whole event rather than a session (the graphic facilitation of the 2018 forum). */
export const eventPeople = pgTable(
  'event_people',
  {
    eventId: parentId('event_id', () => events.id),
    personId: parentId('person_id', () => people.id),
    role: text('role', { enum: ['organizer', 'graphic_facilitation'] }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.personId, t.role] }), index('event_people_person_idx').on(t.personId)],
);

// ---------------------------------------------------------------- paths ("chemins de la coopération")

export const pathStatus = pgEnum('path_status', ['draft', 'active', 'archived']);

/**
 * A thematic path. Its full-text `search` column (tsvector, French or English configuration with
 * unaccent) is not declared here: it is a generated column made by the custom migration
 * `0009_search` (see docs/paths-data.md), like the ones of `resources` and `programme_sessions`.
 */
export const paths = pgTable('paths', {
  id: uuidId(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  /** Markdown. */
  description: text('description').notNull().default(''),
  status: pathStatus('status').notNull().default('active'),
  /** An image attachment (its variants serve the cover). */
  coverAttachmentId: uuid('cover_attachment_id'),
  /** Language of title, summary and description (search configuration). */
  language: text('language').notNull().default('fr'),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Who coordinates a path: a person (with the organization they coordinate for) or an organization / network, shown as such. */
export const pathCoordinators = pgTable(
  'path_coordinators',
  {
    pathId: parentId('path_id', () => paths.id),
    personId: parentId('person_id', () => people.id),
    position: integer('position').notNull().default(0),
    organization: text('organization'),
    /** Legacy: rows of kind `organization` are moved to path_organizations by migration `people_data`. */
    kind: text('kind', { enum: ['person', 'organization'] })
      .notNull()
      .default('person'),
    /** The organization this person coordinates for, when known as one. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.pathId, t.personId] }), index('path_coordinators_person_idx').on(t.personId)],
);

/** An organization or network coordinating a path as such. Shares the ordering of path_coordinators. */
export const pathOrganizations = pgTable(
  'path_organizations',
  {
    pathId: parentId('path_id', () => paths.id),
    organizationId: parentId('organization_id', () => organizations.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.pathId, t.organizationId] }), index('path_organizations_org_idx').on(t.organizationId)],
);

/** Programme sessions linked to a path (a session may belong to several paths): the path's agenda. */
export const pathSessions = pgTable(
  'path_sessions',
  {
    pathId: parentId('path_id', () => paths.id),
    sessionId: parentId('session_id', () => programmeSessions.id),
    linkedBy: text('linked_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.pathId, t.sessionId] }), index('path_sessions_session_idx').on(t.sessionId)],
);

// ---------------------------------------------------------------- resources (published on paths)

export const resourceFormat = pgEnum('resource_format', RESOURCE_FORMATS);
/** draft → in_review → published → archived; a declined proposal is `declined` (kept, out of the queue). */
export const resourceStatus = pgEnum('resource_status', RESOURCE_STATUSES);

export type { ResourceAuthor };

/**
 * A resource: a replay, an initiative sheet, a meeting report… Published on one or more paths
 * (`resource_paths`, each with its position in the path). Full-text `search` column: see `paths`.
 */
export const resources = pgTable(
  'resources',
  {
    id: uuidId(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown, rendered through the sanitising pipeline (lib/markdown). */
    body: text('body').notNull().default(''),
    format: resourceFormat('format').notNull(),
    /** BCP 47 primary language: `fr`, `en`… (`en` is indexed with the English configuration). */
    language: text('language').notNull().default('fr'),
    /** The resource's own date (of the meeting, of the film…), YYYY-MM-DD. */
    date: date('date', { mode: 'string' }),
    /** SPDX identifier (`CC-BY-4.0`…) or `all-rights-reserved` (lib/domain/resources LICENCES). */
    licence: text('licence').notNull().default('all-rights-reserved'),
    authors: jsonb('authors').$type<ResourceAuthor[]>().notNull().default([]),
    /** External media (a video host's page is embedded, anything else is a link). */
    mediaUrl: text('media_url'),
    status: resourceStatus('status').notNull().default('draft'),
    /** Incremented at every change (one revision each); optimistic concurrency for editors. */
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Proposed from the medialab: by a signed-in user or a registrant (personal link); mailed the outcome. */
    proposed: boolean('proposed').notNull().default(false),
    proposerUserId: text('proposer_user_id').references(() => users.id, { onDelete: 'set null' }),
    proposerRegistrationId: uuid('proposer_registration_id').references(() => registrations.id, { onDelete: 'set null' }),
    proposerName: text('proposer_name'),
    proposerEmail: text('proposer_email'),
    reviewedBy: text('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: ts('reviewed_at'),
    declineReason: text('decline_reason'),
    publishedAt: ts('published_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('resources_status_published_idx').on(t.status, t.publishedAt)],
);

export const resourcePaths = pgTable(
  'resource_paths',
  {
    resourceId: parentId('resource_id', () => resources.id),
    pathId: parentId('path_id', () => paths.id),
    /** Order chosen by the path's coordinators. */
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.pathId] }), index('resource_paths_path_idx').on(t.pathId, t.position)],
);

/** Resources about programme sessions (a replay, a report…). */
export const resourceSessions = pgTable(
  'resource_sessions',
  {
    resourceId: parentId('resource_id', () => resources.id),
    sessionId: parentId('session_id', () => programmeSessions.id),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.sessionId] }), index('resource_sessions_session_idx').on(t.sessionId)],
);

/** Every change to a resource: who, when, which action, which fields, and the full snapshot after it. */
export const resourceRevisions = pgTable(
  'resource_revisions',
  {
    id: uuidId(),
    resourceId: parentId('resource_id', () => resources.id),
    /** The resource's `version` after this change. */
    version: integer('version').notNull(),
    action: text('action', {
      enum: ['created', 'proposed', 'updated', 'submitted', 'published', 'declined', 'archived', 'unpublished'],
    }).notNull(),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Name shown in the history (a registrant has no user). */
    actorName: text('actor_name').notNull(),
    changed: jsonb('changed').$type<string[]>().notNull().default([]),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [unique('resource_revisions_version_uq').on(t.resourceId, t.version)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

/**
 * Files attached to resources (or a path's cover), stored in the database so that every replica
 * sees them. Checked by lib/attachments before they are written; `resourceId` and `pathId` are
 * null while an upload waits for the form that uses it.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuidId(),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'cascade' }),
    pathId: uuid('path_id').references(() => paths.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    /** Sniffed from the content, never taken from the name or the client. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width'),
    height: integer('height'),
    data: bytea('data').notNull(),
    position: integer('position').notNull().default(0),
    uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedByRegistration: uuid('uploaded_by_registration').references(() => registrations.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachments_resource_idx').on(t.resourceId, t.position),
    index('attachments_path_idx').on(t.pathId),
    // Each person's uploads, summed for their storage quota (ATTACHMENT_QUOTA_MIB).
    index('attachments_uploaded_by_idx').on(t.uploadedBy),
    index('attachments_uploaded_by_registration_idx').on(t.uploadedByRegistration),
  ],
);

/** Resized variants of an image attachment (`thumb`, `medium`…), written with it. */
export const attachmentVariants = pgTable(
  'attachment_variants',
  {
    attachmentId: parentId('attachment_id', () => attachments.id),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attachmentId, t.name] })],
);

/** Opt-in e-mail digest of a path's new resources; `token` is the one-click unsubscribe key. */
export const pathSubscriptions = pgTable(
  'path_subscriptions',
  {
    id: uuidId(),
    pathId: parentId('path_id', () => paths.id),
    email: text('email').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull().default('fr'),
    token: text('token').notNull().unique().$defaultFn(newToken),
    /** Resources published after this instant go into the next digest. */
    since: ts('since').notNull().defaultNow(),
    unsubscribedAt: ts('unsubscribed_at'),
    createdAt: createdAt(),
  },
  (t) => [unique('path_subscriptions_path_email_uq').on(t.pathId, t.email)],
);

// ---------------------------------------------------------------- roles

export const roleName = pgEnum('role_name', ['admin', 'organizer', 'moderator', 'speaker', 'coordinator', 'captioner', 'interpreter']);

/**
 * A granted role, always with its scope (checked by `role_grants_scope_ck`, migration 0022):
 * `admin` has none; `organizer` one event; `speaker` one session (with its event); `moderator`
 * one session (with its event) or, `session_id` null, every session of one event; `captioner`
 * one session (with its event, migration 0033); `interpreter` one session with the language it
 * interprets into (`lang`, for interpreters only, migration 0036); `coordinator` one path. Speakers and moderators also come from `session_people` through `people.user_id`,
 * and committees from `call_committee` (db/queries/grants.ts, lib/policy). Everybody else is a
 * participant.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuidId(),
    userId: ownerUserId(),
    role: roleName('role').notNull(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    pathId: uuid('path_id').references(() => paths.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => programmeSessions.id, { onDelete: 'cascade' }),
    grantedBy: text('granted_by').references(() => users.id, { onDelete: 'set null' }),
    /** The language an interpreter interprets into (lib/domain/interpretation.ts); null for every other role. */
    lang: text('lang'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('role_grants_uq').on(t.userId, t.role, t.eventId, t.pathId, t.sessionId).nullsNotDistinct(),
    index('role_grants_user_idx').on(t.userId),
    check(
      'role_grants_scope_ck',
      sql`CASE ${t.role}::text
  WHEN 'admin' THEN ${t.eventId} IS NULL AND ${t.pathId} IS NULL AND ${t.sessionId} IS NULL
  WHEN 'organizer' THEN ${t.eventId} IS NOT NULL AND ${t.pathId} IS NULL AND ${t.sessionId} IS NULL
  WHEN 'moderator' THEN ${t.eventId} IS NOT NULL AND ${t.pathId} IS NULL
  WHEN 'speaker' THEN ${t.eventId} IS NOT NULL AND ${t.pathId} IS NULL AND ${t.sessionId} IS NOT NULL
  WHEN 'coordinator' THEN ${t.pathId} IS NOT NULL AND ${t.eventId} IS NULL AND ${t.sessionId} IS NULL
  WHEN 'captioner' THEN ${t.eventId} IS NOT NULL AND ${t.pathId} IS NULL AND ${t.sessionId} IS NOT NULL
END`,
    ),
    // An interpreter's scope (one session) and language; no language for any other role (migration 0036).
    check(
      'role_grants_lang_ck',
      sql`CASE WHEN ${t.role}::text = 'interpreter'
  THEN ${t.eventId} IS NOT NULL AND ${t.pathId} IS NULL AND ${t.sessionId} IS NOT NULL AND ${t.lang} IS NOT NULL AND ${t.lang} ~ '^[a-z]{2}$'
  ELSE ${t.lang} IS NULL
END`,
    ),
  ],
);

// ---------------------------------------------------------------- registrations

export const registrations = pgTable(
  'registrations',
  {
    id: uuidId(),
    eventId: parentId('event_id', () => events.id),
    /** The account with the same e-mail, once the address is proven (`prove_registration`, `link_registrations`). */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /**
     * Unguessable personal link token (manage registration, join live rooms). Handed to whoever
     * registered (the 201): it acts for this registration alone until the address is proven, and is
     * replaced when it is (docs/security.md).
     */
    joinToken: text('join_token').notNull().unique().$defaultFn(newToken),
    /** The personal link as mailed to the address, never in an API answer: opening it proves the address. */
    mailToken: text('mail_token').notNull().unique().default(sql`new_token()`),
    /** Read-only, revocable token of the calendar feed (`/api/me/calendar.ics?token=`). */
    calendarToken: text('calendar_token').notNull().unique().default(sql`new_token()`),
    /** When the address was proven (its mailed link opened, or a sign-in with it); null until then. */
    emailProvenAt: ts('email_proven_at'),
    status: text('status', { enum: ['active', 'cancelled'] })
      .notNull()
      .default('active'),
    /** Answers to the event's custom questions, by question key. */
    answers: jsonb('answers').$type<Record<string, string | string[] | boolean>>().notNull().default({}),
    consentAt: ts('consent_at'),
    /** The registrant's language (`fr` | `en`), from the request that registered them: their mails go out in it (docs/i18n.md). */
    locale: text('locale', { enum: ['fr', 'en'] })
      .notNull()
      .default('fr'),
    /** On-site check-in (QR code of the personal link, scanned or typed). */
    checkedInAt: ts('checked_in_at'),
    /**
     * What drove the registration (0035): `mail:<kind>` (a Chemins mail's link, `?via=`), an
     * organizer's shared-link slug, or null (direct). Set when it is created (lib/domain/registration-source.ts).
     */
    source: text('source'),
    /** Mails after the sessions (feedback request, "you missed it", "the replay is ready"): off once they opt out (0029). */
    afterSessionMails: boolean('after_session_mails').notNull().default(true),
    /** The one-click unsubscribe link's token of those mails (not the personal link's). */
    unsubscribeToken: text('unsubscribe_token').notNull().unique().default(sql`new_token()`),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('registrations_event_email_uq').on(t.eventId, t.email),
    index('registrations_event_created_idx').on(t.eventId, t.createdAt),
    index('registrations_email_lower_idx').on(sql`lower(${t.email})`),
    index('registrations_user_idx').on(t.userId),
  ],
);

/**
 * A browser that opened a personal link (`/r/{token}`): the cookie holds a secret of its own (its
 * SHA-256 here), never the link's token, so one device can be signed out without changing the link.
 * The person is the registration's, for as long as the registration is active.
 */
export const linkSessions = pgTable(
  'link_sessions',
  {
    secretHash: text('secret_hash').primaryKey(),
    registrationId: parentId('registration_id', () => registrations.id),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('link_sessions_registration_idx').on(t.registrationId)],
);

export const seatStatus = pgEnum('seat_status', ['confirmed', 'waitlisted', 'cancelled']);
/** Where a seat is: a chair on site or an online seat (a hybrid session has both, 0030). */
export const seatMode = pgEnum('seat_mode', ['onsite', 'online']);

/** A person's seat (or place on the waiting list) in one session. */
export const registrationSessions = pgTable(
  'registration_sessions',
  {
    registrationId: parentId('registration_id', () => registrations.id),
    sessionId: parentId('session_id', () => programmeSessions.id),
    status: seatStatus('status').notNull(),
    /** On site or online: the session's mode, or a hybrid session's as chosen (default online). */
    mode: seatMode('mode').notNull().default('online'),
    /** Waiting-list order (per mode): the time the person asked for this session. */
    requestedAt: ts('requested_at').notNull().defaultNow(),
    invitationCodeId: uuid('invitation_code_id').references(() => invitationCodes.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.sessionId] }),
    index('registration_sessions_session_status_idx').on(t.sessionId, t.status, t.requestedAt),
    index('registration_sessions_session_mode_status_idx').on(t.sessionId, t.mode, t.status, t.requestedAt),
  ],
);

/** Codes that open invitation-only sessions; `sessionId` null = every invitation-only session of the event. */
export const invitationCodes = pgTable('invitation_codes', {
  id: uuidId(),
  eventId: parentId('event_id', () => events.id),
  sessionId: uuid('session_id').references(() => programmeSessions.id, { onDelete: 'cascade' }),
  code: text('code').notNull().unique(),
  /** null = unlimited uses. */
  maxUses: integer('max_uses'),
  uses: integer('uses').notNull().default(0),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------- custom registration questions

export const questionKind = pgEnum('question_kind', ['text', 'single', 'multiple', 'yesno']);

/** Organizer-defined questions asked at registration (lunch, accessibility needs…). */
export const eventQuestions = pgTable(
  'event_questions',
  {
    id: uuidId(),
    eventId: parentId('event_id', () => events.id),
    key: text('key').notNull(),
    label: text('label').notNull(),
    kind: questionKind('kind').notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('event_questions_event_key_uq').on(t.eventId, t.key)],
);

// ---------------------------------------------------------------- outgoing mail (durable outbox)

/** The outbox's kinds (lib/mail/kind-names.ts, the one list; the migrations add each value). */
export const mailKind = pgEnum('mail_kind', OUTBOX_KIND_NAMES);

/** Why a queued mail was dropped rather than sent (see `dropReason` in server/mail/worker.ts). */
export const MAIL_DROP_REASONS = ['registration_cancelled', 'seat_not_confirmed', 'session_over', 'reminder_out_of_time', 'opted_out'] as const;
export type MailDropReason = (typeof MAIL_DROP_REASONS)[number];

/**
 * Every transactional mail goes through this table: written in the same transaction as what
 * caused it, sent by the server's mail worker, marked sent. `dedupeKey` makes each mail queued
 * once (a reminder is claimed by inserting its key), across restarts and processes; delivery is
 * at-least-once (docs/api.md). A mail that no longer applies when its turn comes (registration or
 * seat cancelled, session over, reminder too late) is not sent: it is marked `dropped`, with why
 * in `dropReason`.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuidId(),
    kind: mailKind('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    /** The registrant the mail is for (registration mails); null for path mails. */
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => programmeSessions.id, { onDelete: 'cascade' }),
    /** Path mails: the resource whose outcome is told, or the subscription a digest is for. */
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'cascade' }),
    subscriptionId: uuid('subscription_id').references(() => pathSubscriptions.id, { onDelete: 'cascade' }),
    /** Path mails: what the mail says, fixed when queued (digest period and resource ids…). */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'dropped'] })
      .notNull()
      .default('pending'),
    dropReason: text('drop_reason', { enum: MAIL_DROP_REASONS }),
    attempts: integer('attempts').notNull().default(0),
    availableAt: ts('available_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('mail_outbox_pending_idx').on(t.status, t.availableAt),
    // Deleting a registration (or its event) deletes its mails: without this, one full scan of
    // the outbox per registration.
    index('mail_outbox_registration_idx').on(t.registrationId),
  ],
);

// ---------------------------------------------------------------- live rooms: Q&A, chat, moderation, attendance
//
// People in live rooms are identified by an "actor key", one per person: `user:<user id>` for a
// person with an account, whether they came by sign-in or by personal link (their registration is
// linked to the account), `registration:<id>` for a registrant without an account (`actorKeyOf` in
// db/queries/identity; also the LiveKit participant identity). Linking moves what was keyed by
// the registration to the account, in the same transaction (`link_registrations`).

export const questionStatus = pgEnum('question_status', ['pending', 'visible', 'answered', 'dismissed']);

export const questions = pgTable(
  'questions',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    authorKey: text('author_key').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    status: questionStatus('status').notNull(),
    onAir: boolean('on_air').notNull().default(false),
    /** Kept in the same transaction as `question_votes`. */
    votes: integer('votes').notNull().default(0),
    /** Withdrawn by its author: kept for the record, shown to nobody. */
    withdrawnAt: ts('withdrawn_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('questions_session_idx').on(t.sessionId, t.createdAt)],
);

export const questionVotes = pgTable(
  'question_votes',
  {
    questionId: parentId('question_id', () => questions.id),
    voterKey: text('voter_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.voterKey] })],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    authorKey: text('author_key').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    replyTo: uuid('reply_to'),
    /** The message calls the moderators (`@modération`, `@moderators`…). */
    mentionsModerators: boolean('mentions_moderators').notNull().default(false),
    deletedAt: ts('deleted_at'),
    deletedBy: text('deleted_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('chat_messages_session_idx').on(t.sessionId, t.createdAt),
    index('chat_messages_author_idx').on(t.sessionId, t.authorKey, t.createdAt),
  ],
);

/**
 * A line of live captions typed by a session's captioner (`caption:send`, server/realtime/captions.ts),
 * with the name of who speaks when the captioner chose it. A recording's WebVTT is built from the
 * lines said during it (lib/domain/captions `buildWebVtt`).
 */
export const captionLines = pgTable(
  'caption_lines',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    text: text('text').notNull(),
    lang: text('lang').notNull(),
    speaker: text('speaker'),
    at: ts('at').notNull().defaultNow(),
    final: boolean('final').notNull().default(true),
    authorKey: text('author_key').notNull(),
  },
  (t) => [index('caption_lines_session_idx').on(t.sessionId, t.at), index('caption_lines_author_idx').on(t.sessionId, t.authorKey, t.at)],
);

export const chatReactions = pgTable(
  'chat_reactions',
  {
    messageId: parentId('message_id', () => chatMessages.id),
    actorKey: text('actor_key').notNull(),
    emoji: text('emoji').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.actorKey, t.emoji] })],
);

export const sanctionKind = pgEnum('sanction_kind', ['mute', 'ban']);

/**
 * A moderator's sanction on one person in one session: `mute` (no chat or questions until
 * `until`), `ban` (out of the session's chat, Q&A and video; also used when a moderator removes
 * someone from the video room). Lifted sanctions keep `liftedAt`.
 */
export const roomSanctions = pgTable(
  'room_sanctions',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    targetKey: text('target_key').notNull(),
    kind: sanctionKind('kind').notNull(),
    until: ts('until'),
    createdBy: text('created_by').notNull(),
    liftedAt: ts('lifted_at'),
    createdAt: createdAt(),
  },
  (t) => [index('room_sanctions_target_idx').on(t.sessionId, t.targetKey)],
);

/** Audit log of every moderator action (Q&A, chat, video), who did it and to whom. */
export const moderationLog = pgTable(
  'moderation_log',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    actorKey: text('actor_key').notNull(),
    action: text('action').notNull(),
    targetKey: text('target_key'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('moderation_log_session_idx').on(t.sessionId, t.createdAt)],
);

/** Time spent in a session's video room, from LiveKit webhooks (one row per join). */
export const attendance = pgTable(
  'attendance',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    actorKey: text('actor_key').notNull(),
    /** LiveKit participant SID: a webhook delivered twice records once. */
    participantSid: text('participant_sid').notNull().unique(),
    joinedAt: ts('joined_at').notNull(),
    leftAt: ts('left_at'),
  },
  (t) => [
    index('attendance_session_idx').on(t.sessionId, t.actorKey),
    // INCLUDE (left_at) in migration 0028: the report reads its rows from the index alone.
    index('attendance_session_actor_joined_idx').on(t.sessionId, t.actorKey, t.joinedAt),
  ],
);

/**
 * Recent actions of a person in a session that leave no row of their own to count (reaction
 * toggles), for the rate limit (`checkRate` in db/queries/qa). Older hits are pruned as new
 * ones come, so each person keeps at most a window's worth.
 */
export const rateHits = pgTable(
  'rate_hits',
  {
    sessionId: parentId('session_id', () => programmeSessions.id),
    actorKey: text('actor_key').notNull(),
    kind: text('kind', { enum: ['react'] }).notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('rate_hits_actor_idx').on(t.sessionId, t.actorKey, t.kind, t.at)],
);

// ---------------------------------------------------------------- live polls and word clouds

export const pollKind = pgEnum('poll_kind', ['single', 'multiple', 'rating', 'text', 'words']);
export const pollStatus = pgEnum('poll_status', ['draft', 'live', 'closed']);

/** A poll of a session: prepared (draft), live (at most one per session), then closed. */
export const polls = pgTable(
  'polls',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    kind: pollKind('kind').notNull(),
    question: text('question').notNull(),
    /** Choices of `single` and `multiple` polls (empty for the other kinds). */
    options: jsonb('options').$type<string[]>().notNull().default([]),
    /** Answers are anonymous to moderators too (always to other participants). */
    anonymous: boolean('anonymous').notNull().default(true),
    /** A person may change their answer while the poll is live. */
    allowChange: boolean('allow_change').notNull().default(true),
    status: pollStatus('status').notNull().default('draft'),
    /** Results shown to participants and on the projector. */
    resultsVisible: boolean('results_visible').notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    launchedAt: ts('launched_at'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('polls_session_idx').on(t.sessionId, t.createdAt),
    uniqueIndex('polls_one_live_per_session').on(t.sessionId).where(sql`${t.status} = 'live'`),
  ],
);

/** One answer per person and poll (changed in place while the poll allows it). */
export const pollAnswers = pgTable(
  'poll_answers',
  {
    pollId: parentId('poll_id', () => polls.id),
    actorKey: text('actor_key').notNull(),
    /** Kept for polls that are not anonymous. */
    name: text('name').notNull(),
    /** Option indexes (single, multiple), a number (rating) or the text as written (text, words). */
    value: jsonb('value').$type<number[] | number | string>().notNull(),
    /** What is counted: the folded word(s) of a cloud, the trimmed text of an open answer. */
    folded: text('folded'),
    /** Bumped on every change: the sum over a poll orders results snapshots. */
    revision: integer('revision').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.actorKey] })],
);

// ---------------------------------------------------------------- breakout groups

/**
 * A round of breakout groups in a live session (issue 31): a moderator splits the people there
 * into groups for `minutes`; at most one round is open (`ended_at` null) per session. Rounds,
 * their groups and who was in them are kept after the round ends (the session's history).
 */
export const breakoutRounds = pgTable(
  'breakout_rounds',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    minutes: integer('minutes').notNull(),
    /** How people were split: at random, by their own choice, or as the moderator assigned them. */
    assign: text('assign', { enum: ['random', 'choice', 'assigned'] }).notNull(),
    startedBy: text('started_by').notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    endsAt: ts('ends_at').notNull(),
    endedAt: ts('ended_at'),
    /** Who called everyone back (an actor key), or null when the timer ended the round. */
    endedBy: text('ended_by'),
  },
  (t) => [
    index('breakout_rounds_session_idx').on(t.sessionId, t.startedAt),
    uniqueIndex('breakout_rounds_one_open_per_session').on(t.sessionId).where(sql`${t.endedAt} is null`),
  ],
);

/** A group of a round: its own LiveKit room and its own notes (`session:{sessionId}:group:{id}`). */
export const breakoutGroups = pgTable(
  'breakout_groups',
  {
    id: uuidId(),
    roundId: parentId('round_id', () => breakoutRounds.id),
    sessionId: parentId('session_id', () => programmeSessions.id),
    name: text('name').notNull(),
    /** 1, 2, … in the round. */
    position: integer('position').notNull(),
    livekitRoom: text('livekit_room').notNull(),
  },
  (t) => [unique('breakout_groups_round_position').on(t.roundId, t.position), index('breakout_groups_session_idx').on(t.sessionId)],
);

/** Who was in which group: one group per person and round (a person who chooses again moves). */
export const breakoutMembers = pgTable(
  'breakout_members',
  {
    roundId: parentId('round_id', () => breakoutRounds.id),
    groupId: parentId('group_id', () => breakoutGroups.id),
    actorKey: text('actor_key').notNull(),
    /** The person's name when they joined the group. */
    name: text('name').notNull(),
    joinedAt: ts('joined_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.actorKey] }), index('breakout_members_group_idx').on(t.groupId)],
);

/** A moderator's message to every group of a round (kept; also what its rate limit counts). */
export const breakoutMessages = pgTable(
  'breakout_messages',
  {
    id: uuidId(),
    roundId: parentId('round_id', () => breakoutRounds.id),
    authorKey: text('author_key').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('breakout_messages_round_idx').on(t.roundId, t.authorKey, t.createdAt)],
);

// ---------------------------------------------------------------- replays

export const replayKind = pgEnum('replay_kind', ['recording', 'upload', 'link']);
/** A recording is `recording` while egress writes it, then `ready` or `failed`; uploads and links are `ready`. */
export const replayStatus = pgEnum('replay_status', ['recording', 'ready', 'failed']);

/**
 * A replay of a session: a recording made through LiveKit Egress, an uploaded video file, or a
 * link to a video host. `startedAt` is the moment of the session the video's first frame shows:
 * the timeline (questions and chat) is aligned on it (lib/domain/replays).
 */
export const replays = pgTable(
  'replays',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    kind: replayKind('kind').notNull(),
    status: replayStatus('status').notNull().default('ready'),
    /** A link's address (video host page or video file). Null for files kept by Chemins. */
    url: text('url'),
    /** Files kept by Chemins (recordings, uploads): path relative to `DATA_DIR/replays`. */
    file: text('file'),
    contentType: text('content_type'),
    size: integer('size'),
    startedAt: ts('started_at').notNull(),
    durationSeconds: integer('duration_seconds'),
    /** LiveKit Egress id of a recording (webhooks find the replay by it). */
    egressId: text('egress_id').unique(),
    /** Why a recording failed, as egress reported it. */
    error: text('error'),
    title: text('title'),
    /** SPDX identifier or `all-rights-reserved` (lib/domain/resources LICENCES). */
    licence: text('licence').notNull().default('all-rights-reserved'),
    /** Captions (WebVTT) or a transcript, when somebody provides them. */
    captions: text('captions'),
    transcript: text('transcript'),
    /** The draft "replay" resource made for the session's paths. */
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'set null' }),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('replays_session_idx').on(t.sessionId, t.startedAt),
    // One recording at a time per session.
    uniqueIndex('replays_one_recording_per_session').on(t.sessionId).where(sql`${t.status} = 'recording'`),
  ],
);

/**
 * RTMP destinations of a session's stream out (issue 28, docs/streaming.md): the full address with
 * its stream key sealed at rest (lib/secrets/sealed.ts, bound to the session), and the masked form
 * that is all anybody is shown again (`rtmp://host/app/••••1234`).
 */
export const streamDestinations = pgTable(
  'stream_destinations',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    position: integer('position').notNull(),
    urlSealed: text('url_sealed').notNull(),
    urlMasked: text('url_masked').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('stream_destinations_position').on(t.sessionId, t.position)],
);

export const streamStatus = pgEnum('stream_status', ['starting', 'live', 'ended', 'failed']);
/** `rtmp`: the stream out to RTMP destinations; `hls`: the diffusion Chemins serves (docs/diffusion.md). */
export const streamKind = pgEnum('stream_kind', ['rtmp', 'hls']);

/** A stream out of a session (LiveKit Egress to its RTMP destinations, or its HLS diffusion): at most one running per session and kind. */
export const streams = pgTable(
  'streams',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    kind: streamKind('kind').notNull().default('rtmp'),
    status: streamStatus('status').notNull().default('starting'),
    egressId: text('egress_id').unique(),
    /** Why it failed, as egress said it (stream keys removed). */
    error: text('error'),
    startedBy: text('started_by'),
    startedAt: ts('started_at').notNull().defaultNow(),
    endedAt: ts('ended_at'),
  },
  (t) => [uniqueIndex('streams_one_running_per_session').on(t.sessionId, t.kind).where(sql`${t.status} in ('starting', 'live')`)],
);

/**
 * A feedback request after a session, one per attendee (server/feedback): the token of its link
 * (`/feedback/{token}`, no sign-in), then the answer, once: a rating 1–5 and an open answer. The
 * registration is cleared by the retention job and by an erasure; the answer stays, without name.
 */
export const sessionFeedback = pgTable(
  'session_feedback',
  {
    id: uuidId(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'set null' }),
    token: text('token').unique().default(sql`new_token()`),
    rating: smallint('rating'),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('session_feedback_session_registration_uq').on(t.sessionId, t.registrationId),
    index('session_feedback_registration_idx').on(t.registrationId),
    check('session_feedback_rating_check', sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`),
    check('session_feedback_answer_check', sql`${t.answer} IS NULL OR char_length(${t.answer}) <= 2000`),
    check('session_feedback_answered_check', sql`(${t.answeredAt} IS NULL) = (${t.rating} IS NULL)`),
  ],
);

// ---------------------------------------------------------------- calls for proposals (docs/calls.md)

export const callVisibility = pgEnum('call_visibility', ['open', 'closed']);
export const proposalStatus = pgEnum('proposal_status', PROPOSAL_STATUSES);

/**
 * A call for proposals on an event: dates, formats, slots, questions, the named committee that
 * decides, its criteria and the date by which every proposal gets an answer. `open` calls show
 * their proposals and decision trail to everyone; `closed` ones to the proposer and the committee.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuidId(),
    eventId: parentId('event_id', () => events.id),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    opensAt: ts('opens_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    /** Every proposal gets an answer by then (else it is overdue). */
    answerBy: ts('answer_by').notNull(),
    formats: jsonb('formats').$type<string[]>().notNull().default([]),
    slots: integer('slots').notNull().default(0),
    questions: jsonb('questions').$type<string[]>().notNull().default([]),
    criteria: text('criteria').notNull().default(''),
    visibility: callVisibility('visibility').notNull().default('open'),
    /** How decisions are signed: the committee's name, or (`namedDecisions`) the deciding member's. */
    committeeName: text('committee_name').notNull(),
    namedDecisions: boolean('named_decisions').notNull().default(false),
    /** A proposal left this many days without a status change is overdue. */
    staleDays: integer('stale_days').notNull().default(21),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('calls_event_idx').on(t.eventId)],
);

/** The members of a call's committee (public names; they alone decide). */
export const callCommittee = pgTable(
  'call_committee',
  {
    callId: parentId('call_id', () => calls.id),
    userId: ownerUserId(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.userId] })],
);

/** A proposal. `needs`, `preferredDays`, `answers` and the proposer's e-mail are private. */
export const proposals = pgTable(
  'proposals',
  {
    id: uuidId(),
    callId: parentId('call_id', () => calls.id),
    title: text('title').notNull(),
    format: text('format').notNull(),
    abstract: text('abstract').notNull(),
    needs: text('needs').notNull().default(''),
    preferredDays: jsonb('preferred_days').$type<string[]>().notNull().default([]),
    answers: jsonb('answers').$type<string[]>().notNull().default([]),
    proposerUserId: text('proposer_user_id').references(() => users.id, { onDelete: 'set null' }),
    proposerName: text('proposer_name').notNull(),
    proposerEmail: text('proposer_email').notNull(),
    /** The proposer's language: their mails are written in it. */
    locale: text('locale').notNull().default('fr'),
    status: proposalStatus('status').notNull().default('submitted'),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    /** The programme session it became (one at most: unique). */
    sessionId: uuid('session_id').references(() => programmeSessions.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('proposals_call_idx').on(t.callId, t.status), uniqueIndex('proposals_session_uq').on(t.sessionId)],
);

/** Facilitators of a proposal: the proposer (confirmed) and co-facilitators who confirm by e-mail. */
export const proposalFacilitators = pgTable(
  'proposal_facilitators',
  {
    id: uuidId(),
    proposalId: parentId('proposal_id', () => proposals.id),
    name: text('name').notNull(),
    organization: text('organization'),
    email: text('email'),
    confirmToken: text('confirm_token')
      .notNull()
      .unique()
      .$defaultFn(() => newToken()),
    confirmedAt: ts('confirmed_at'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('proposal_facilitators_proposal_idx').on(t.proposalId)],
);

/** Every version of a proposal's text, as the proposer wrote it. */
export const proposalRevisions = pgTable(
  'proposal_revisions',
  {
    id: uuidId(),
    proposalId: parentId('proposal_id', () => proposals.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    format: text('format').notNull(),
    abstract: text('abstract').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('proposal_revisions_version_uq').on(t.proposalId, t.version)],
);

/**
 * The public status timeline: each transition with when, who (`by`, as shown: the committee or a
 * named member, or the proposer) and why; `diff` when scheduling changed the title or abstract.
 */
export const proposalTransitions = pgTable(
  'proposal_transitions',
  {
    id: uuidId(),
    proposalId: parentId('proposal_id', () => proposals.id),
    status: proposalStatus('status').notNull(),
    at: ts('at').notNull().defaultNow(),
    by: text('by').notNull(),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    diff: jsonb('diff').$type<{ field: 'title' | 'abstract'; before: string; after: string }[]>(),
  },
  (t) => [index('proposal_transitions_proposal_idx').on(t.proposalId, t.at)],
);

/** Committee scores and comments: private to the committee, never public. */
export const proposalReviews = pgTable(
  'proposal_reviews',
  {
    proposalId: parentId('proposal_id', () => proposals.id),
    userId: ownerUserId(),
    score: integer('score'),
    comment: text('comment').notNull().default(''),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

// ---------------------------------------------------------------- Open Badges 3.0 (docs/badges.md)

/**
 * Who signs badges: each event (`event_id`), and the platform itself (no event). The Ed25519 key
 * pair is generated per issuer; its secret half is encrypted at rest under BADGE_KEY_SECRET
 * (lib/badges/keys.ts). `next_status_index` hands out positions in the issuer's revocation list.
 */
export const badgeIssuers = pgTable('badge_issuers', {
  id: uuidId(),
  slug: text('slug').notNull().unique(),
  eventId: uuid('event_id')
    .unique()
    .references(() => events.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  publicKeyMultibase: text('public_key_multibase').notNull(),
  secretKeyEncrypted: text('secret_key_encrypted').notNull(),
  nextStatusIndex: integer('next_status_index').notNull().default(0),
  /** The revocation list as last signed, and what it was signed from (`encodedList` and base URL): signed again only when that changes. */
  statusListSigned: jsonb('status_list_signed').$type<Record<string, unknown>>(),
  statusListSource: text('status_list_source'),
  createdAt: createdAt(),
});

/** Built-in kinds are awarded from records (lib/domain/badges.ts); `request` ones on a validated request. */
export const achievementKind = pgEnum('achievement_kind', ACHIEVEMENT_KINDS);

export const achievements = pgTable(
  'achievements',
  {
    id: uuidId(),
    issuerId: parentId('issuer_id', () => badgeIssuers.id),
    kind: achievementKind('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    criteria: text('criteria').notNull(),
    /** An image URL or a `data:` URI (SVG). */
    image: text('image').notNull(),
    /** `participated`: minutes in the event's live sessions that earn it. */
    minMinutes: integer('min_minutes'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('achievements_builtin_uq').on(t.issuerId, t.kind).where(sql`${t.kind} <> 'request'`)],
);

/** See BADGE_STATUSES in lib/domain/badges.ts. */
export const badgeStatus = pgEnum('badge_status', BADGE_STATUSES);

/**
 * One person's badge (or request for it): one per achievement and recipient (e-mail, lower case),
 * so that awarding from records is idempotent however often it runs.
 */
export const badgeAwards = pgTable(
  'badge_awards',
  {
    id: uuidId(),
    achievementId: parentId('achievement_id', () => achievements.id),
    issuerId: parentId('issuer_id', () => badgeIssuers.id),
    recipientEmail: text('recipient_email').notNull(),
    recipientName: text('recipient_name').notNull(),
    status: badgeStatus('status').notNull(),
    /** What the person says they did (requests), shown to moderators and put in the credential. */
    evidence: text('evidence'),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: ts('decided_at'),
    /** The signed OpenBadgeCredential, as issued (never rewritten). */
    credential: jsonb('credential').$type<Record<string, unknown>>(),
    statusIndex: integer('status_index'),
    revokedAt: ts('revoked_at'),
    /** Shown on the achievement's public page and in the API (the recipient's choice). */
    isPublic: boolean('is_public').notNull().default(false),
    issuedAt: ts('issued_at'),
    acceptedAt: ts('accepted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('badge_awards_recipient_uq').on(t.achievementId, t.recipientEmail),
    unique('badge_awards_status_index_uq').on(t.issuerId, t.statusIndex),
    index('badge_awards_recipient_idx').on(t.recipientEmail),
  ],
);

/** A badge holder's endorsement of an achievement (an EndorsementCredential signed by the platform). */
export const badgeEndorsements = pgTable(
  'badge_endorsements',
  {
    id: uuidId(),
    achievementId: parentId('achievement_id', () => achievements.id),
    endorserEmail: text('endorser_email').notNull(),
    endorserName: text('endorser_name').notNull(),
    comment: text('comment').notNull(),
    credential: jsonb('credential').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('badge_endorsements_uq').on(t.achievementId, t.endorserEmail)],
);

// ---------------------------------------------------------------- personal data (docs/privacy.md)

/**
 * The retention job's record (server/jobs/retention.ts): one row per event whose chat messages,
 * attendance and check-ins were purged or anonymised, written in the same transaction as the
 * purge. An event is claimed by locking its row (`for update skip locked`) for that transaction,
 * so two processes never purge it together and a crash leaves it to the next pass.
 */
export const retentionPurges = pgTable('retention_purges', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  purgedAt: ts('purged_at').notNull().defaultNow(),
  chatMessages: integer('chat_messages').notNull().default(0),
  attendance: integer('attendance').notNull().default(0),
  checkIns: integer('check_ins').notNull().default(0),
  /** The event report's registration figures (on site, online, no-show rate) as they stood before the purge (0028). */
  registrations: jsonb('registrations').$type<Record<string, unknown>>(),
});

/**
 * Shared notes (issue 31, server/notes): one Yjs document per session (`session:{id}`) or breakout
 * group (`session:{id}:group:{id}`). `state` is the compacted document as last stored; the updates
 * with an id above `stateThrough` may not be in it yet and are applied on load. `locked`: only
 * moderators write.
 */
export const sessionNotes = pgTable('session_notes', {
  documentName: text('document_name').primaryKey(),
  sessionId: parentId('session_id', () => programmeSessions.id),
  state: bytea('state'),
  stateThrough: bigint('state_through', { mode: 'number' }).notNull().default(0),
  locked: boolean('locked').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Every accepted update of a notes document with its author: the history, replayed to restore a point. */
export const sessionNoteUpdates = pgTable(
  'session_note_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    documentName: text('document_name').notNull(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    actorKey: text('actor_key').notNull(),
    authorName: text('author_name').notNull(),
    update: bytea('update').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('session_note_updates_document_idx').on(t.documentName, t.id), index('session_note_updates_session_idx').on(t.sessionId, t.actorKey)],
);

// ---------------------------------------------------------------- the organizer's report (docs/report.md)

/**
 * A session's report as computed just before the retention job purged its raw records (chat,
 * check-ins, who attended): `sessionReport` answers it from then on (0028).
 */
export const sessionReportSnapshots = pgTable('session_report_snapshots', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => programmeSessions.id, { onDelete: 'cascade' }),
  report: jsonb('report').$type<Record<string, unknown>>().notNull(),
  computedAt: ts('computed_at').notNull().defaultNow(),
});

/**
 * A session's attendance figures once it has ended, computed once (the after-session job,
 * `settleAttendanceFigures`): they cannot change after the end, so the report reads them instead
 * of the join/leave rows. Valid for the span they were computed for (0034).
 */
export const sessionAttendanceFigures = pgTable('session_attendance_figures', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => programmeSessions.id, { onDelete: 'cascade' }),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  onlineViewers: integer('online_viewers').notNull(),
  peakOnline: integer('peak_online').notNull(),
  averageOnline: doublePrecision('average_online').notNull(),
  medianMinutesWatched: doublePrecision('median_minutes_watched').notNull(),
  attendance: jsonb('attendance').$type<{ at: string; online: number }[]>().notNull(),
  computedAt: ts('computed_at').notNull().defaultNow(),
});

/** Views of a replay, one counter per day: no person, no address (0028). */
export const replayViews = pgTable(
  'replay_views',
  {
    replayId: parentId('replay_id', () => replays.id),
    day: date('day', { mode: 'string' }).notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'replay_views_pk', columns: [t.replayId, t.day] })],
);

/**
 * A venue input of a session (issue 28, docs/api.md "Venue inputs"): the room's own camera, mixer
 * or OBS publishing into the session's stage through LiveKit's WHIP endpoint, with a LiveKit token
 * given once to its creator and never stored. The token's participant identity is
 * `venue:<id>:<version>`: a new token raises `version`, a revocation sets `revokedAt`, and the
 * LiveKit webhook removes a participant whose version is no longer the current one (0037).
 */
export const venueInputs = pgTable(
  'venue_inputs',
  {
    id: uuidId(),
    /** The room's name as the stage shows it ("Salle Auditorium"). */
    name: text('name').notNull(),
    sessionId: parentId('session_id', () => programmeSessions.id),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** The version of the only token that publishes (`venue:<id>:<version>`). */
    tokenVersion: integer('token_version').notNull().default(1),
    /** When its current token was issued. */
    tokenIssuedAt: ts('token_issued_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('venue_inputs_session_idx').on(t.sessionId, t.createdAt)],
);
