/**
 * Switch between French and English: a plain link to `/locale` (a cookie; URLs stay the same), so
 * that it works without JavaScript and adds no script to any page.
 */
export function LocaleSwitch({ locale, label }: { locale: string; label: string }) {
  const next = locale === 'fr' ? 'en' : 'fr';
  return (
    <a href={`/locale?to=${next}`} lang={next} hrefLang={next} rel="nofollow" className="text-brand underline-offset-2 hover:underline" data-testid="locale-switch">
      {label}
    </a>
  );
}
