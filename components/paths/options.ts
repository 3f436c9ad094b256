import { getTranslations } from 'next-intl/server';
import { LANGUAGES, LICENCES, RESOURCE_FORMATS } from '@/lib/domain/resources';

/** The choices of the resource form, in the reader's language. */
export async function resourceOptions() {
  const t = await getTranslations('paths');
  return {
    formats: RESOURCE_FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) })),
    languages: LANGUAGES.map((l) => ({ value: l, label: t.has(`languages.${l}`) ? t(`languages.${l}` as 'languages.fr') : l })),
    licences: LICENCES.map((l) => ({ value: l.id, label: l.id === 'all-rights-reserved' ? t('allRightsReserved') : `${l.name} (${l.id})` })),
  };
}

/** The `attachment` ids a page got back from the upload route, and the address to come back to with one more. */
export function uploadsInQuery(pathname: string, sp: Record<string, string | string[] | undefined>) {
  const ids = ([] as string[]).concat(sp.attachment ?? []).filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 50);
  const query = ids.map((id) => `attachment=${id}`).join('&');
  const error = typeof sp.uploadError === 'string' ? sp.uploadError.slice(0, 40) : null;
  return { ids, next: query ? `${pathname}?${query}` : pathname, error };
}
