import type { ResourceSnapshot } from '@/lib/domain/resources';

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
