'use client';

import { CheckboxList } from './CheckboxList';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { FormState } from '@/lib/field-errors';
import { useRefusalText } from '@/components/useRefusalText';
import { UploadForm } from './UploadForm';

type Option = { value: string; label: string };
export type FormFile = { id: string; filename: string };

export type ResourceFormDefaults = {
  title?: string;
  summary?: string;
  body?: string;
  format?: string;
  language?: string;
  date?: string | null;
  licence?: string;
  authors?: string;
  mediaUrl?: string | null;
  sessionIds?: string[];
};

/**
 * The resource form (editor and proposals), bound to a server action: works without JavaScript,
 * shows the refusal and each field's message, and keeps what was typed.
 */
export function ResourceForm({
  action,
  defaults,
  formats,
  languages,
  licences,
  sessions = [],
  files: initialFiles = [],
  version,
  allowPublish = false,
  submit,
  upload,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  defaults: ResourceFormDefaults;
  formats: Option[];
  languages: Option[];
  licences: Option[];
  sessions?: Option[];
  files?: FormFile[];
  version?: number;
  allowPublish?: boolean;
  submit: string;
  /** The upload form above this one (`uploadsInQuery`): with JavaScript, a file sent there joins this form's attachments in place. */
  upload?: { next: string; error: string | null };
}) {
  const t = useTranslations('paths');
  const refusal = useRefusalText('paths');
  const [state, formAction, pending] = useActionState(action, null);
  // The files the page came with, and those sent since from the upload form (the page does not reload).
  const [files, setFiles] = useState(initialFiles);
  const uploaded = (file: FormFile) => {
    setFiles((fs) => (fs.some((f) => f.id === file.id) ? fs : [...fs, file]));
    // Also in the address, as the plain upload form would have done: a reload keeps the attachment.
    const url = new URL(window.location.href);
    url.searchParams.append('attachment', file.id);
    window.history.replaceState(window.history.state, '', url);
  };
  const value = (name: keyof ResourceFormDefaults) => {
    const typed = state?.values?.[name];
    if (typed !== undefined) return typed;
    const d = defaults[name];
    return Array.isArray(d) ? d.join('\n') : (d ?? '');
  };
  const checkedSessions = new Set(state?.values ? (state.values.sessionIds ?? '').split('\n') : (defaults.sessionIds ?? []));
  const err = (name: string) => state?.fields?.[name];
  const described = (name: string, help?: boolean) =>
    [err(name) ? `e-${name}` : null, help ? `h-${name}` : null].filter(Boolean).join(' ') || undefined;
  const input = 'rounded border border-stone-300 bg-white px-2 py-1';
  const field = (name: keyof ResourceFormDefaults, label: string, control: React.ReactNode, help?: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`r-${name}`} className="text-sm font-medium">
        {label}
      </label>
      {control}
      {help && (
        <p id={`h-${name}`} className="text-xs text-stone-600">
          {help}
        </p>
      )}
      {err(name) && (
        <p id={`e-${name}`} className="text-sm text-red-700">
          {err(name)}
        </p>
      )}
    </div>
  );
  const common = (name: keyof ResourceFormDefaults, help?: boolean) => ({
    id: `r-${name}`,
    name,
    'aria-invalid': err(name) ? true : undefined,
    'aria-describedby': described(name, help),
    className: input,
  });
  const select = (name: keyof ResourceFormDefaults, options: Option[]) => (
    <select {...common(name)} defaultValue={value(name)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );

  return (
    <>
      {upload && <UploadForm next={upload.next} error={upload.error} onUploaded={uploaded} />}
      <form key={state?.at ?? 0} action={formAction} noValidate className="grid gap-4" data-testid="resource-form">
        {state?.error && (
          <div role="alert" className="rounded bg-red-50 p-3 text-red-800">
            <p>{refusal(state.error)}</p>
          </div>
        )}
        {version !== undefined && <input type="hidden" name="version" value={version} />}
        {field('title', t('editor.fieldTitle'), <input {...common('title')} required defaultValue={value('title')} />)}
        <div className="grid gap-4 sm:grid-cols-3">
          {field('format', t('editor.fieldFormat'), select('format', formats))}
          {field('language', t('editor.fieldLanguage'), select('language', languages))}
          {field('date', t('editor.fieldDate'), <input {...common('date')} type="date" defaultValue={value('date')} />)}
        </div>
        {field('summary', t('editor.fieldSummary'), <textarea {...common('summary')} rows={2} defaultValue={value('summary')} />)}
        {field(
          'body',
          t('editor.fieldBody'),
          <textarea {...common('body', true)} rows={12} className={`${input} font-mono text-sm`} defaultValue={value('body')} />,
          t('editor.fieldBodyHelp'),
        )}
        {field('authors', t('editor.fieldAuthors'), <textarea {...common('authors')} rows={3} defaultValue={value('authors')} />)}
        <div className="grid gap-4 sm:grid-cols-2">
          {field('licence', t('editor.fieldLicence'), select('licence', licences))}
          {field('mediaUrl', t('editor.fieldMediaUrl'), <input {...common('mediaUrl')} type="url" inputMode="url" defaultValue={value('mediaUrl')} />)}
        </div>
        {sessions.length > 0 && (
          <fieldset className="rounded border border-stone-200 p-3">
            <legend className="px-1 text-sm font-medium">{t('editor.fieldSessions')}</legend>
            <CheckboxList name="sessionIds" options={sessions} checked={(id) => checkedSessions.has(id)} className="grid gap-1 text-sm" />
          </fieldset>
        )}
        {files.length > 0 && (
          <fieldset className="rounded border border-stone-200 p-3">
            <legend className="px-1 text-sm font-medium">{t('editor.attachments')}</legend>
            <ul className="grid gap-1 text-sm" data-testid="form-attachments">
              {files.map((f) => (
                <li key={f.id} className="flex items-center gap-3">
                  <input type="hidden" name="attachmentIds" value={f.id} />
                  <span>{f.filename}</span>
                  <label className="flex items-center gap-1 text-stone-600">
                    <input type="checkbox" name="removeAttachment" value={f.id} className="h-4 w-4" />
                    {t('editor.removeAttachment', { name: f.filename })}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {err('attachmentIds') && <p className="text-sm text-red-700">{err('attachmentIds')}</p>}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 text-white disabled:opacity-60">
            {submit}
          </button>
          {allowPublish && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="publish" className="h-4 w-4" /> {t('editor.publish')}
            </label>
          )}
        </div>
      </form>
    </>
  );
}
