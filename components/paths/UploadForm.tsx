import { getTranslations } from 'next-intl/server';
import { type CatalogueTranslator, refusalText } from '@/lib/refusal';

/**
 * A plain multipart form to `POST /api/attachments`: the route answers with a 303 back to `next`
 * carrying the new upload's id (or the refusal's code), which the page then puts in its resource form.
 */
export async function UploadForm({ next, error }: { next: string; error?: string | null }) {
  const t = await getTranslations('paths');
  const tAll = (await getTranslations()) as unknown as CatalogueTranslator;
  const refusal = (code: string) => refusalText(tAll, code, 'paths');
  return (
    <form method="post" action={`/api/attachments?next=${encodeURIComponent(next)}`} encType="multipart/form-data" className="grid gap-2 rounded-lg border border-dashed border-stone-300 bg-white p-3" data-testid="upload-form">
      <label htmlFor="upload-file" className="text-sm font-medium">
        {t('editor.addAttachment')}
      </label>
      <input id="upload-file" name="file" type="file" required aria-describedby="upload-help" className="text-sm" />
      <p id="upload-help" className="text-xs text-stone-600">
        {t('editor.attachmentHelp')}
      </p>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800" data-testid="upload-error">
          {refusal(error)}
        </p>
      )}
      <button type="submit" className="justify-self-start rounded border border-brand px-3 py-1 text-sm text-brand">
        {t('editor.upload')}
      </button>
    </form>
  );
}
