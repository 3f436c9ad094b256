import { getDb } from '@/db/client';
import { type IssuerRow, platformIssuerRow, type Q } from '@/db/queries/badges/issuers';
import { PLATFORM_ISSUER_SLUG, PLATFORM_NAME } from '@/lib/badges/issuers';
import { createIssuer } from './create-issuer';

/** The platform's issuer, made (with its key and built-in achievements) on first use. */
export async function ensurePlatformIssuer(q?: Q): Promise<IssuerRow> {
  const db = q ?? (await getDb());
  const found = await platformIssuerRow(db, PLATFORM_ISSUER_SLUG);
  if (found) return found;
  await createIssuer(db, { slug: PLATFORM_ISSUER_SLUG, name: PLATFORM_NAME, eventId: null });
  return (await platformIssuerRow(db, PLATFORM_ISSUER_SLUG))!;
}
