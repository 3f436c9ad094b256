/** A translator of the whole catalogue (next-intl's `useTranslations()` / `getTranslations()` / `createTranslator`). */
export type CatalogueTranslator = { has(key: string): boolean; (key: string, values?: Record<string, string | number>): string };

/**
 * What a person reads for a refusal code (an HTTP `{ error: { code } }`, a realtime ack's
 * `error.code`, a form action's `error`): the text of `<namespace>.errors.<code>` if the page's
 * catalogue has one (several namespaces: the first that has it), else the shared `errors.<code>`,
 * else a namespace's own generic `<namespace>.errors.unknown` (the moderators' says what *they* can
 * do, not "tell the team"), else the generic `errors.unknown`; never the server's own (English, for
 * API clients) message nor the bare code (docs/i18n.md).
 */
export function refusalText(t: CatalogueTranslator, code: string | null | undefined, namespace?: string | readonly string[]): string {
  const spaces = namespace === undefined ? [] : typeof namespace === 'string' ? [namespace] : namespace;
  const keys = [...(code ? spaces.map((ns) => `${ns}.errors.${code}`) : []), code ? `errors.${code}` : null, ...spaces.map((ns) => `${ns}.errors.unknown`)];
  for (const key of keys) if (key && t.has(key)) return t(key);
  return t('errors.unknown');
}
