'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { languageName } from '@/lib/domain/interpretation';
import { setListening, useListening } from './listening';

/** The listener's "Language" chooser: the original, or one of the interpretation channels on offer. */
export function LanguageChooser() {
  const t = useTranslations('interpretation');
  const locale = useLocale();
  const { chosen, channels } = useListening();
  const options = useMemo(
    () => [{ value: '', label: t('original') }, ...channels.map((l) => ({ value: l, label: t('channel', { language: languageName(l, locale) }) }))],
    [channels, locale, t],
  );
  if (!channels.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="language-chooser">
      <label className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t('chooser')}</span>
        <select className="max-w-full rounded border border-stone-300 bg-white px-2 py-1.5" value={chosen ?? ''} onChange={(e) => setListening({ chosen: e.target.value || null })}>
          {options.map(({ value, label }) => (
            <option key={value || 'original'} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <span role="status" className="text-stone-600">
          {t('listening', { language: languageName(chosen, locale) })}
        </span>
      )}
    </div>
  );
}
