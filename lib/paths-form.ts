import type { ResourceAuthor } from './domain/resources';

/**
 * The resource form (editor and proposals) as plain HTML sends it, turned into the shape of the
 * back-end's request schemas (lib/domain/resources). Pure; validation is the schemas' job.
 */

/** One author per line: `Name (Organization)` for a person, `org: Name` for an organization or network. */
export function parseAuthors(text: string): ResourceAuthor[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const org = /^(org|organi[sz]ation|réseau|network)\s*:\s*(.+)$/i.exec(line);
      if (org) return { name: org[2]!.trim(), kind: 'organization' as const, organization: null };
      const m = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(line);
      return m ? { name: m[1]!.trim(), organization: m[2]!.trim(), kind: 'person' as const } : { name: line, organization: null, kind: 'person' as const };
    });
}

/** Authors back into the textarea's lines. */
export function formatAuthors(authors: ResourceAuthor[]): string {
  return authors.map((a) => (a.kind === 'organization' ? `org: ${a.name}` : a.organization ? `${a.name} (${a.organization})` : a.name)).join('\n');
}

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** The editable fields of the form; empty optional fields become null, lists come from repeated fields. */
export function resourceFormInput(form: FormData) {
  const date = str(form, 'date').trim();
  const mediaUrl = str(form, 'mediaUrl').trim();
  const removed = new Set(form.getAll('removeAttachment').map(String));
  return {
    title: str(form, 'title'),
    summary: str(form, 'summary'),
    body: str(form, 'body'),
    format: str(form, 'format'),
    language: str(form, 'language') || 'fr',
    date: date || null,
    licence: str(form, 'licence') || 'all-rights-reserved',
    authors: parseAuthors(str(form, 'authors')),
    mediaUrl: mediaUrl || null,
    sessionIds: [...new Set(form.getAll('sessionIds').map(String))],
    attachmentIds: [...new Set(form.getAll('attachmentIds').map(String))].filter((id) => !removed.has(id)),
  };
}

/** What the person typed, to show the form again after a refusal. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !k.startsWith('$')) values[k] = k in values ? `${values[k]}\n${v}` : v;
  return values;
}
