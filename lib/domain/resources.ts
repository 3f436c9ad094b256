import { diffLines, diffWords } from 'diff';
import { z } from 'zod';
import { type Grant, may } from '../policy';

/** An author of a resource: a person (with the organization printed beside them) or an organization. */
export type ResourceAuthor = { name: string; organization?: string | null; kind: 'person' | 'organization' };

// Pure rules of paths' resources: formats, licences, the workflow and who may move it, the
// request schemas of the routes, and the diff between two revisions. No database here.

export const RESOURCE_FORMATS = [
  'replay',
  'initiative',
  'meeting_report',
  'interview',
  'territorial_strategy',
  'creation',
  'remote_visit',
  'document',
  'link',
] as const;
export type ResourceFormat = (typeof RESOURCE_FORMATS)[number];

export const RESOURCE_STATUSES = ['draft', 'in_review', 'published', 'archived', 'declined'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** Licences offered, by SPDX identifier (plus `all-rights-reserved`), with their name and link. */
export const LICENCES = [
  { id: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  { id: 'CC-BY-SA-4.0', name: 'Creative Commons Attribution-ShareAlike 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  { id: 'CC-BY-NC-4.0', name: 'Creative Commons Attribution-NonCommercial 4.0', url: 'https://creativecommons.org/licenses/by-nc/4.0/' },
  { id: 'CC-BY-NC-SA-4.0', name: 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0', url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/' },
  { id: 'CC-BY-ND-4.0', name: 'Creative Commons Attribution-NoDerivatives 4.0', url: 'https://creativecommons.org/licenses/by-nd/4.0/' },
  { id: 'CC0-1.0', name: 'Creative Commons Zero 1.0 (domaine public)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  { id: 'etalab-2.0', name: 'Licence Ouverte / Etalab 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  { id: 'all-rights-reserved', name: 'Tous droits réservés', url: null },
] as const;
export type LicenceId = (typeof LICENCES)[number]['id'];
export const LICENCE_IDS = LICENCES.map((l) => l.id) as [LicenceId, ...LicenceId[]];

export type Licence = { id: LicenceId; name: string; url: string | null };

/** A licence by id; an unknown id reads as all rights reserved. */
export function licenceOf(id: string): Licence {
  return (LICENCES as readonly Licence[]).find((l) => l.id === id) ?? { id: 'all-rights-reserved', name: 'Tous droits réservés', url: null };
}

export const LANGUAGES = ['fr', 'en', 'br', 'es', 'de', 'it', 'oc'] as const;

// ---------------------------------------------------------------- workflow

/** The person acting, as the rules see them: their grants (db/queries/grants.ts; rules in lib/policy). */
export type Actor = { grants: readonly Grant[] };

export type Transition = 'submit' | 'publish' | 'decline' | 'archive' | 'unpublish' | 'reopen';

const TRANSITIONS: Record<Transition, { from: readonly ResourceStatus[]; to: ResourceStatus }> = {
  submit: { from: ['draft', 'declined'], to: 'in_review' },
  publish: { from: ['draft', 'in_review', 'archived'], to: 'published' },
  decline: { from: ['in_review'], to: 'declined' },
  archive: { from: ['published', 'draft', 'in_review', 'declined'], to: 'archived' },
  unpublish: { from: ['published'], to: 'draft' },
  reopen: { from: ['declined', 'archived'], to: 'draft' },
};

/** The status a transition leads to from `from`, or null when it is not allowed from there. */
export function nextStatus(from: ResourceStatus, t: Transition): ResourceStatus | null {
  const rule = TRANSITIONS[t];
  return rule.from.includes(from) ? rule.to : null;
}

/**
 * Whether the actor may edit and review (publish, decline, archive) a resource on `pathIds`
 * (`path.review` on one of them: its coordinators, admins).
 */
export function canReview(actor: Actor, pathIds: readonly string[]): boolean {
  return pathIds.some((pathId) => may(actor.grants, 'path.review', { pathId }));
}

/** Whether the actor may put a resource on (or take it off) every path of `pathIds` (`path.review` on each). */
export function canPlaceOn(actor: Actor, pathIds: readonly string[]): boolean {
  return pathIds.every((pathId) => may(actor.grants, 'path.review', { pathId }));
}

// ---------------------------------------------------------------- request schemas

const trimmed = (max: number) => z.string().trim().max(max);
const httpUrl = z
  .url({ protocol: /^https?$/, message: 'an http(s) address' })
  .max(2000);

export const authorSchema = z
  .object({
    name: trimmed(200).min(1, 'required'),
    organization: trimmed(200).optional().nullable(),
    kind: z.enum(['person', 'organization']).default('person'),
  })
  .strict();

/** The editable fields of a resource, without defaults (an update gives any subset). */
const fieldShape = {
  title: trimmed(300).min(1, 'required'),
  summary: trimmed(2000),
  body: z.string().max(100_000),
  format: z.enum(RESOURCE_FORMATS),
  language: z.enum(LANGUAGES),
  date: z.iso.date().optional().nullable(),
  licence: z.enum(LICENCE_IDS),
  authors: z.array(authorSchema).max(50),
  mediaUrl: httpUrl.optional().nullable(),
  sessionIds: z.array(z.uuid()).max(50),
  attachmentIds: z.array(z.uuid()).max(50),
};

/** The fields of a new resource (create, propose), with their defaults. */
export const resourceFields = z
  .object({
    ...fieldShape,
    summary: fieldShape.summary.default(''),
    body: fieldShape.body.default(''),
    language: fieldShape.language.default('fr'),
    licence: fieldShape.licence.default('all-rights-reserved'),
    authors: fieldShape.authors.default([]),
    sessionIds: fieldShape.sessionIds.default([]),
    attachmentIds: fieldShape.attachmentIds.default([]),
  })
  .strict();
export type ResourceFields = z.output<typeof resourceFields>;

/** `POST /api/paths/{path}/resources`: a coordinator's (organizer's) new resource, a draft unless `publish`. */
export const createResourceRequest = resourceFields.extend({ publish: z.boolean().default(false) }).strict();
export type CreateResourceRequest = z.output<typeof createResourceRequest>;

/** `PATCH /api/paths/{path}/resources/{resource}`: any subset of the fields, at the version the editor read. */
export const updateResourceRequest = z
  .object(fieldShape)
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict();
export type UpdateResourceRequest = z.output<typeof updateResourceRequest>;

/** `POST /api/paths/{path}/proposals`: anybody signed in, or a registrant with `token` (their personal link). */
export const proposeResourceRequest = resourceFields
  .omit({ sessionIds: true })
  .extend({ token: z.string().trim().min(10).max(100).optional() })
  .strict();
export type ProposeResourceRequest = z.output<typeof proposeResourceRequest>;

/** `POST /api/paths/{path}/resources/{resource}/transition`. */
export const transitionRequest = z
  .object({
    action: z.enum(['submit', 'publish', 'decline', 'archive', 'unpublish', 'reopen']),
    reason: trimmed(2000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.action === 'decline' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the proposal is declined.', params: { code: 'reason_required' } });
  });

/** `PUT /api/paths/{path}/resources/order`: the path's resources in the coordinators' order. */
export const reorderRequest = z.object({ resourceIds: z.array(z.uuid()).min(1).max(2000) }).strict();

/** `PUT /api/paths/{path}/sessions`: link or unlink a programme session. */
export const linkSessionRequest = z.object({ sessionId: z.uuid(), linked: z.boolean() }).strict();

/** `POST /api/paths/{path}/subscriptions`: the opt-in digest, for the signed-in user's address or a registrant's (`token`: personal link). */
export const subscribeRequest = z
  .object({ token: z.string().trim().min(10).max(100).optional(), locale: z.enum(['fr', 'en']).default('fr') })
  .strict();

// ---------------------------------------------------------------- slugs

/** A URL slug from a title: ASCII, lower case, hyphens, at most 80 characters (`fallback` when none is left). */
export function slugify(title: string, fallback = 'ressource'): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return s || fallback;
}

/** `base` if not `taken`, else the first of `base-2`, `base-3`… that is free. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

// ---------------------------------------------------------------- revisions and diffs

/** What a revision keeps of a resource (its snapshot). */
export type ResourceSnapshot = {
  title: string;
  summary: string;
  body: string;
  format: string;
  language: string;
  date: string | null;
  licence: string;
  authors: { name: string; organization?: string | null; kind: string }[];
  mediaUrl: string | null;
  status: string;
  sessionIds: string[];
  pathIds: string[];
  attachmentIds: string[];
};

/** The fields a person writes in a resource (its form, its revisions' snapshots). */
export const CONTENT_FIELDS = ['title', 'summary', 'body', 'format', 'language', 'date', 'licence', 'authors', 'mediaUrl'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

/** The written fields of a resource row, as its form and its revisions take them. */
export function contentOf<T extends Pick<ResourceSnapshot, ContentField>>(r: T): Pick<T, ContentField> {
  return Object.fromEntries(CONTENT_FIELDS.map((k) => [k, r[k]])) as Pick<T, ContentField>;
}

export const SNAPSHOT_FIELDS: (keyof ResourceSnapshot)[] = [
  'title',
  'summary',
  'body',
  'format',
  'language',
  'date',
  'licence',
  'authors',
  'mediaUrl',
  'status',
  'sessionIds',
  'pathIds',
  'attachmentIds',
];

/**
 * How a snapshot's values read for a person in a diff: a scalar, or one item of a list, as text
 * (a status's or a format's name, a session's title…); undefined keeps the stored value.
 */
export type SnapshotText = (field: keyof ResourceSnapshot, item: unknown) => string | undefined;

function asText(v: unknown, show?: (item: unknown) => string | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) {
    const items = v.map((x) => show?.(x) ?? (typeof x === 'string' ? x : JSON.stringify(x)));
    return (v.every((x) => typeof x === 'string') ? items.sort() : items).join('\n');
  }
  const shown = show?.(v);
  if (shown !== undefined) return shown;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The fields that differ between two snapshots (in SNAPSHOT_FIELDS order). */
export function changedFields(before: Partial<ResourceSnapshot> | null, after: Partial<ResourceSnapshot>): string[] {
  if (!before) return SNAPSHOT_FIELDS.filter((f) => asText(after[f]) !== '');
  return SNAPSHOT_FIELDS.filter((f) => asText(before[f]) !== asText(after[f]));
}

export type DiffPart = { value: string; added?: boolean; removed?: boolean };
export type FieldDiff = { field: string; parts: DiffPart[] };

/**
 * The difference between two snapshots, field by field: words for short fields, lines for the
 * body; only changed fields. Parts are plain text (the page escapes them). With `text`, values
 * read as a person reads them; without it (the API), as stored.
 */
export function diffSnapshots(before: Partial<ResourceSnapshot> | null, after: Partial<ResourceSnapshot>, text?: SnapshotText): FieldDiff[] {
  return changedFields(before, after).map((field) => {
    const show = text && ((item: unknown) => text(field as keyof ResourceSnapshot, item));
    const a = asText(before?.[field as keyof ResourceSnapshot], show);
    const b = asText(after[field as keyof ResourceSnapshot], show);
    const changes = field === 'body' || field === 'authors' ? diffLines(a, b) : diffWords(a, b);
    return {
      field,
      parts: changes.map((c) => ({ value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) })),
    };
  });
}

/** Who acts on resources: a user (id and display name, as revisions keep it). */
export type ResourceActor = { userId: string; name: string };

/** A revision as a resource's history shows it. */
export type RevisionView = {
  id: string;
  version: number;
  action: string;
  actorName: string;
  changed: string[];
  note: string | null;
  createdAt: Date;
  /** Against the previous revision (everything for the first). */
  diff: FieldDiff[];
};

/** `text`, with the sessions, paths and files the snapshots name read by `names` (their titles and file names, by id). */
export function withNames(names: ReadonlyMap<string, string>, text: SnapshotText): SnapshotText {
  return (field, item) => ((field === 'sessionIds' || field === 'pathIds' || field === 'attachmentIds') && typeof item === 'string' ? names.get(item) : undefined) ?? text(field, item);
}
