import { licenceOf, type ResourceSnapshot, type SnapshotText } from '@/lib/domain/resources';
import { nameWithOrganization } from '@/lib/domain/erased';
import type { CatalogueTranslator } from '@/lib/refusal';

/**
 * The words a revision's changed fields are shown with (keys of the `paths` namespace): the
 * resource form's and page's labels, short. Every field of a snapshot has one (the type says so);
 * revisionFields.test.ts checks that both catalogues have them.
 */
export const REVISION_FIELD_LABELS = {
  title: 'editor.fieldTitle',
  summary: 'editor.fieldSummary',
  body: 'editor.fieldBody',
  format: 'format',
  language: 'language',
  date: 'editor.fieldDate',
  licence: 'licence',
  authors: 'editor.authors',
  mediaUrl: 'media',
  status: 'editor.status',
  sessionIds: 'sessions',
  pathIds: 'editor.fieldPaths',
  attachmentIds: 'attachments',
} as const satisfies Record<keyof ResourceSnapshot, string>;

export type RevisionFieldLabel = (typeof REVISION_FIELD_LABELS)[keyof typeof REVISION_FIELD_LABELS];

/** The catalogue key of a changed field, or null for a field this version of the snapshot does not know. */
export function revisionFieldLabel(field: string): RevisionFieldLabel | null {
  return Object.hasOwn(REVISION_FIELD_LABELS, field) ? REVISION_FIELD_LABELS[field as keyof ResourceSnapshot] : null;
}

/**
 * How a revision's values read in its diff (lib/domain/resources.ts `SnapshotText`): a status, a
 * format, a language by their names in the catalogue (`t`: the `paths` namespace), a licence by
 * its name, an author by name and organization ("ancien·ne participant·e" once erased). The linked
 * sessions, paths and files are named by the query (listRevisions).
 */
export function revisionValueText(t: CatalogueTranslator, formerParticipant: string): SnapshotText {
  const named = (prefix: string, item: unknown) => (typeof item === 'string' && t.has(`${prefix}.${item}`) ? t(`${prefix}.${item}`) : undefined);
  return (field, item) => {
    if (field === 'status') return named('statuses', item);
    if (field === 'format') return named('formats', item);
    if (field === 'language') return named('languages', item);
    if (field === 'licence' && typeof item === 'string') return licenceOf(item).name;
    if (field === 'authors' && item && typeof item === 'object') return nameWithOrganization(item as { name: string; organization?: string | null }, formerParticipant);
    return undefined;
  };
}
