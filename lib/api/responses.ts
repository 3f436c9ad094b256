import { z } from 'zod';
import { PROPOSAL_STATUSES } from '../domain/calls';
import { RESOURCE_FORMATS, RESOURCE_STATUSES } from '../domain/resources';
import { isoDateTime } from './contract';

// The JSON bodies the HTTP API answers with (public contract), per domain. Each route passes its
// answer through its schema (`respond` in server/http/respond.ts: unknown keys are dropped, a body that does
// not fit is a bug, never sent), and lib/openapi.ts documents these same schemas.

// ---------------------------------------------------------------- health

export const healthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']),
    db: z.enum(['ok', 'down']),
    realtime: z.enum(['ok', 'down']),
    livekit: z.enum(['ok', 'not-configured', 'down']),
    /** Outgoing mail: SMTP (`ok`), printed in the log (`log`: development, tests), none (`unavailable`: production without SMTP_URL). */
    mail: z.enum(['ok', 'log', 'unavailable']),
  });

// ---------------------------------------------------------------- events and programme

const sessionStatus = z.enum(['confirmed', 'tentative', 'cancelled']);

export const eventsResponse = z.array(
  z.object({ slug: z.string(), title: z.string(), startsAt: isoDateTime, endsAt: isoDateTime, timeZone: z.string() }),
);

export const sessionsResponse = z.array(
  z
    .object({
      id: z.uuid(),
      slug: z.string(),
      title: z.string(),
      kind: z.enum(['plenary', 'session', 'workshop', 'round_table', 'short_talk', 'side_event', 'social']),
      startsAt: isoDateTime,
      endsAt: isoDateTime,
      room: z.string().nullable(),
      mode: z.enum(['onsite', 'online', 'hybrid']),
      visibility: z.enum(['public', 'invitation']),
      status: sessionStatus,
      capacity: z.int().nullable().describe('null when unlimited'),
      confirmedCount: z.int(),
      waitlistCount: z.int(),
      live: z.boolean(),
      // A hybrid session only: its chairs and online seats, each with its own waiting list.
      capacityOnsite: z.int().nullable().optional().describe('hybrid sessions only: the chairs; null when unlimited'),
      capacityOnline: z.int().nullable().optional().describe('hybrid sessions only: the online seats; null when unlimited'),
      confirmedOnsite: z.int().optional().describe('hybrid sessions only'),
      confirmedOnline: z.int().optional().describe('hybrid sessions only'),
      waitlistOnsite: z.int().optional().describe('hybrid sessions only'),
      waitlistOnline: z.int().optional().describe('hybrid sessions only'),
    }),
);

/** frab/c3voc schedule.json: the top levels are checked here; the whole is valid against c3voc's schema (lib/exports tests). */
export const scheduleJsonResponse = z.looseObject({
  $schema: z.string(),
  generator: z.object({ name: z.string(), version: z.string() }),
  schedule: z.looseObject({
    version: z.string(),
    base_url: z.string(),
    conference: z.looseObject({ acronym: z.string(), title: z.string(), time_zone_name: z.string(), days: z.array(z.looseObject({ index: z.int(), date: z.string() })) }),
  }),
});

// ---------------------------------------------------------------- registrations

const seat = z.object({
  sessionId: z.uuid(),
  status: z.enum(['confirmed', 'waitlisted']),
  mode: z.enum(['onsite', 'online']).describe('on site or online: the session’s mode, or a hybrid session’s as chosen (`modes`)'),
});

export const registrationResponse = z
  .object({
    id: z.uuid(),
    status: z.enum(['active', 'cancelled']),
    sessions: z.array(seat),
    joinToken: z
      .string()
      .optional()
      .describe('The personal link, only in the 201 answer that created the registration; a repeat (200) mails it to the address instead.'),
  });

export const registrationMailedResponse = z.object({ mailed: z.literal(true) });

export const cancelResponse = z
  .object({
    cancelled: z.array(z.uuid()).describe('the sessions whose seats were cancelled'),
    promoted: z.array(z.object({ sessionId: z.uuid(), registrationIds: z.array(z.uuid()) })).describe('who got the freed seats'),
  });

// ---------------------------------------------------------------- video rooms

export const videoTokenResponse = z.object({
  serverUrl: z.string(),
  token: z.string(),
  role: z.enum(['attendee', 'speaker', 'moderator']),
  /** The LiveKit room the token is for: the session's, or during breakout groups the person's group's. */
  room: z.string(),
  group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The language this person interprets the session into (an interpreter's channel, audio only), or null. */
  interpretation: z.string().nullable(),
});
export const moderationResponse = z.object({ ok: z.literal(true) });
export const webhookResponse = z.object({ event: z.string() });

// ---------------------------------------------------------------- shared notes

export const notesTokenResponse = z.object({ token: z.string(), expiresAt: isoDateTime, access: z.enum(['write', 'read']) });
export const notesLockResponse = z.object({ locked: z.boolean() });
export const notesRestoreResponse = z.object({ entryId: z.number().int() });
export const notesHistoryResponse = z.object({
  locked: z.boolean(),
  restorable: z.boolean(),
  entries: z.array(z.object({ id: z.number().int(), author: z.string(), at: isoDateTime, until: isoDateTime, updates: z.number().int(), bytes: z.number().int() })),
});

// ---------------------------------------------------------------- admin

export const grantResponse = z.object({ userId: z.uuid(), role: z.string(), eventId: z.uuid().nullable(), sessionId: z.uuid().nullable(), pathId: z.uuid().nullable() });

// ---------------------------------------------------------------- paths and resources

const format = z.enum(RESOURCE_FORMATS);
const resourceStatus = z.enum(RESOURCE_STATUSES);
const coordinator = z.object({ name: z.string(), organization: z.string().nullable() });
const kind = z.enum(['person', 'organization']);

export const pathsResponse = z.array(
  z.object({ slug: z.string(), title: z.string(), summary: z.string(), coordinators: z.array(coordinator), resourceCount: z.int() }),
);

const linkedSession = z
  .object({
    slug: z.string(),
    title: z.string(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    status: sessionStatus,
    event: z.object({ slug: z.string(), title: z.string() }),
    url: z.string(),
    outputs: z.array(z.object({ slug: z.string(), title: z.string(), format, url: z.string() })).describe('published reports and replays'),
  });

export const pathResponse = z
  .object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    description: z.string().describe('Markdown'),
    status: z.enum(['active', 'archived']),
    url: z.string(),
    coordinators: z.array(coordinator.extend({ kind })),
    resourceCount: z.int(),
    resources: z.array(
      z
        .object({
          slug: z.string(),
          title: z.string(),
          summary: z.string(),
          format,
          language: z.string(),
          date: z.string().nullable(),
          licence: z.string().describe('SPDX identifier, or all-rights-reserved'),
          authors: z.array(z.object({ name: z.string(), organization: z.string().nullish(), kind })),
          mediaUrl: z.string().nullable(),
          publishedAt: isoDateTime.nullable(),
          url: z.string(),
        }),
    ),
    sessions: z.object({ upcoming: z.array(linkedSession), past: z.array(linkedSession) }),
  });

export const searchResponse = z
  .object({
    results: z.array(
      z
        .object({
          type: z.enum(['path', 'resource', 'session']),
          slug: z.string(),
          title: z.string(),
          snippet: z.string().describe('HTML-escaped text; matches in <mark>, no other markup'),
          snippetParts: z.array(z.object({ text: z.string(), match: z.boolean() })),
          url: z.string(),
        }),
    ),
  });

export const createdResourceResponse = z.object({ id: z.uuid(), slug: z.string(), status: resourceStatus });
export const proposedResourceResponse = z.object({ id: z.uuid(), slug: z.string() });
export const versionResponse = z.object({ version: z.int() });
export const transitionResponse = z.object({ status: resourceStatus, version: z.int() });
export const linkSessionResponse = z.object({ changed: z.boolean() });
export const subscribedResponse = z.object({ subscribed: z.literal(true) });

export const feedbackAnsweredResponse = z.object({ answered: z.literal(true) });

export const reviewQueueResponse = z.array(
  z
    .object({
      id: z.uuid(),
      slug: z.string(),
      title: z.string(),
      summary: z.string(),
      format,
      language: z.string(),
      proposerName: z.string().nullable(),
      proposed: z.boolean(),
      createdAt: isoDateTime,
      updatedAt: isoDateTime,
      paths: z.array(z.object({ slug: z.string(), title: z.string() })),
    }),
);

export const revisionsResponse = z.array(
  z
    .object({
      id: z.uuid(),
      version: z.int(),
      action: z.string(),
      actorName: z.string(),
      changed: z.array(z.string()),
      note: z.string().nullable(),
      createdAt: isoDateTime,
      diff: z.array(
        z
          .object({
            field: z.string(),
            parts: z.array(z.object({ value: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() })),
          }),
      ),
    }),
);

// ---------------------------------------------------------------- attachments

export const attachmentResponse = z
  .object({
    data: z
      .object({
        id: z.uuid(),
        filename: z.string(),
        contentType: z.string(),
        size: z.int(),
        width: z.int().nullable(),
        height: z.int().nullable(),
        variants: z.array(z.string()),
        url: z.string(),
      }),
  });

// ---------------------------------------------------------------- venue inputs

/** A venue input's credentials (public contract `{ id, whipUrl, token }`), shown once; `rtmp` only where LiveKit Ingress runs. */
export const venueInputCreatedResponse = z.object({
  id: z.uuid(),
  whipUrl: z.string(),
  token: z.string(),
  rtmp: z.object({ url: z.string(), streamKey: z.string() }).optional(),
});
/** The session's venue inputs in use, without their tokens. */
export const venueInputsResponse = z.array(z.object({ id: z.uuid(), name: z.string(), createdAt: z.iso.datetime({ offset: true }), tokenIssuedAt: z.iso.datetime({ offset: true }) }));

// ---------------------------------------------------------------- replays

export const recordingResponse = z.object({
  status: z.enum(['recording', 'stopping', 'ready', 'failed']),
  egressId: z.string().nullable(),
  replayId: z.uuid(),
});
/** `POST /api/sessions/{id}/stream` (public contract). */
export const streamResponse = z.object({ status: z.enum(['streaming', 'stopping']), egressId: z.string().nullable() });
/** `GET /api/sessions/{id}/stream`: the destinations masked (`rtmp://host/app/••••1234`), never their keys. */
export const streamOverviewResponse = z.object({
  status: z.enum(['idle', 'starting', 'live']),
  egressId: z.string().nullable(),
  since: z.iso.datetime({ offset: true }).nullable(),
  destinations: z.array(z.object({ url: z.string() })),
});
/** `POST /api/sessions/{id}/diffusion` (docs/diffusion.md): `playlist` is the HLS playlist's path. */
export const diffusionResponse = z.object({ status: z.enum(['diffusing', 'stopping']), egressId: z.string().nullable(), playlist: z.string() });
/** `GET /api/sessions/{id}/diffusion`: whether the session is a diffusion and whether its HLS runs. */
export const diffusionOverviewResponse = z.object({
  diffusion: z.boolean(),
  status: z.enum(['idle', 'starting', 'live']),
  since: z.iso.datetime({ offset: true }).nullable(),
  playlist: z.string(),
});
/** A replay (public contract): `url` is the video's address (a host's page, or the file served by Chemins). */
export const replayResponse = z.object({
  id: z.uuid(),
  kind: z.enum(['recording', 'upload', 'link']),
  url: z.string(),
  startedAt: isoDateTime,
  durationSeconds: z.number().int().nullable(),
});
export const replaysResponse = z.array(replayResponse);
export const replayCreatedResponse = replayResponse.extend({ pageUrl: z.string(), resourceId: z.uuid().nullable() });
export const replayTimelineResponse = z.object({
  replayId: z.uuid(),
  sessionId: z.uuid(),
  startedAt: isoDateTime,
  durationSeconds: z.number().int().nullable(),
  items: z.array(
    z.object({
      kind: z.enum(['question', 'message']),
      id: z.uuid(),
      offsetSeconds: z.number().describe('seconds from the replay’s start'),
      at: isoDateTime,
      authorName: z.string().nullable().describe('null for an anonymous question'),
      body: z.string(),
      votes: z.number().int().optional(),
      answered: z.boolean().optional(),
    }),
  ),
  chapters: z.array(z.object({ offsetSeconds: z.number(), questionId: z.uuid(), title: z.string() })),
});
// ---------------------------------------------------------------- calls for proposals (docs/calls.md)

const proposalStatus = z.enum(PROPOSAL_STATUSES);

export const callResponse = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  event: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
  visibility: z.enum(['open', 'closed']).describe('open: proposals and their trail are public; closed: proposer and committee only'),
  phase: z.enum(['upcoming', 'open', 'closed']),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  answerBy: isoDateTime.describe('every proposal gets an answer by then'),
  formats: z.array(z.string()),
  slots: z.int(),
  questions: z.array(z.string()),
  criteria: z.string(),
  committee: z.object({ name: z.string(), members: z.array(z.string()), namedDecisions: z.boolean() }),
  staleDays: z.int().describe('a proposal this many days without a status change is overdue'),
  total: z.int(),
  counts: z.record(proposalStatus, z.int()).describe('proposals per status'),
  waiting: z.object({ count: z.int(), oldestDays: z.int() }).describe('proposals waiting for the committee, and for how many days the oldest has waited'),
  overdue: z.int(),
});

export const callsResponse = z.array(callResponse);

export const proposalsResponse = z.array(
  z.object({
    id: z.uuid(),
    title: z.string(),
    format: z.string(),
    abstract: z.string(),
    facilitators: z.array(z.object({ name: z.string(), organization: z.string().nullable() })).describe('confirmed facilitators only'),
    status: proposalStatus,
    statusHistory: z.array(
      z.object({
        status: proposalStatus,
        at: isoDateTime,
        by: z.string().describe('the committee (or a named member), or the proposer'),
        reason: z.string().optional(),
        diff: z.array(z.object({ field: z.enum(['title', 'abstract']), before: z.string(), after: z.string() })).optional().describe('what scheduling changed in the text'),
      }),
    ),
    overdue: z.boolean(),
    submittedAt: isoDateTime,
    url: z.string().describe('the proposal’s public page'),
    sessionUrl: z.string().optional().describe('the programme session it became'),
  }),
);
// ---------------------------------------------------------------- Open Badges (docs/badges.md)

export const issuersResponse = z.array(z.object({ id: z.string().describe('the issuer Profile’s URL'), slug: z.string(), name: z.string() }));

/** A JSON-LD document as published (Profile, key): kept whole. */
export const jsonLdDocument = z.record(z.string(), z.unknown());

export const issuerAchievementsResponse = z.array(
  z.object({
    id: z.string().describe('the achievement’s URL (its page)'),
    name: z.string(),
    description: z.string(),
    criteria: z.object({ narrative: z.string() }),
    image: z.string().describe('an image URL or a data: URI'),
    recipients: z.array(z.object({ name: z.string(), credentialUrl: z.string().describe('the public verification page') })).describe('only those who chose to show it'),
  }),
);

export const verifyResponseSchema = z.object({
  verified: z.boolean().describe('the proof holds and the credential is not revoked'),
  checks: z.array(z.string()).describe('what was checked and passed: proof, status, expiration'),
  errors: z.array(z.string()),
  revoked: z.boolean(),
});

// ---------------------------------------------------------------- personal data (docs/privacy.md)

const rows = z.array(z.looseObject({}));

/** Everything of one person (db/queries/my-data.ts `exportPersonData`): every list holds that person's rows only. */
export const myDataResponse = z.looseObject({
  exportedAt: isoDateTime,
  account: z.looseObject({ id: z.string(), email: z.string() }).nullable(),
  registrations: rows,
  questions: rows,
  votes: rows,
  chatMessages: rows,
  pollAnswers: rows,
  attendance: rows,
  proposals: rows,
  resources: rows,
  badges: rows,
});

export const erasureResponse = z.object({
  erased: z.literal(true),
  registrations: z.int().describe('registrations anonymised'),
  questions: z.int().describe('questions that lost their author'),
  chatMessages: z.int().describe('chat messages erased'),
  resources: z.int().describe('resources that lost their proposer'),
  proposals: z.int().describe('proposals that lost their proposer'),
});

/** `PUT /api/replays/{replayId}/captions.vtt`: the captions replaced, with their number of cues. */
export const replayCaptionsResponse = z.object({ replayId: z.uuid(), cues: z.number().int().nonnegative() });
