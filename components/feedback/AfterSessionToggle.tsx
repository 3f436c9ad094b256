import { getTranslations } from 'next-intl/server';

/**
 * The personal page's choice of the mails after the sessions (feedback request, "you missed it",
 * "the replay is ready"): a checkbox and a button, a plain form that works without JavaScript.
 */
export async function AfterSessionToggle({ action, registrationId, on, saved }: { action: (form: FormData) => Promise<void>; registrationId: string; on: boolean; saved: boolean }) {
  const t = await getTranslations('afterSession');
  const id = `after-session-${registrationId}`;
  return (
    <form action={action} className="space-y-2" data-testid="after-session-toggle">
      <input type="hidden" name="registrationId" value={registrationId} />
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" name="on" defaultChecked={on} aria-describedby={`${id}-hint`} className="mt-1 h-5 w-5" />
        <div>
          <label htmlFor={id} className="font-medium">
            {t('toggleLabel')}
          </label>
          <p id={`${id}-hint`} className="text-sm text-stone-600">
            {t('toggleHint')}
          </p>
        </div>
      </div>
      <button type="submit" className="rounded border border-stone-400 px-3 py-1 text-sm">
        {t('toggleSave')}
      </button>
      {saved && (
        <p role="status" className="text-sm text-green-900">
          {t('toggleSaved')}
        </p>
      )}
    </form>
  );
}
