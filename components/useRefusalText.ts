import { useTranslations } from 'next-intl';
import { type CatalogueTranslator, refusalText } from '@/lib/refusal';

/**
 * A refusal code as the reader's text (lib/refusal.ts): `<namespace>.errors.<code>`, else
 * `errors.<code>`, else the generic `errors.unknown`. For client and server components alike.
 */
export function useRefusalText(namespace?: string | readonly string[]) {
  const t = useTranslations() as unknown as CatalogueTranslator;
  return (code: string | null | undefined) => refusalText(t, code, namespace);
}
