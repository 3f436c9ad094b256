import { getDb } from '@/db/client';
import { unattachedUploads } from '@/db/queries/paths/uploads';
import type { UploadView } from '@/lib/domain/paths';

/**
 * Files a person uploaded and has not attached yet (a resource or proposal form in progress), by
 * id: only their own (signed-in user or registrant), so that a form cannot show somebody else's.
 */
export async function pendingUploadsOf(ids: string[], who: { userId?: string | null; registrationId?: string | null }): Promise<UploadView[]> {
  const wanted = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 50);
  if (!wanted.length || (!who.userId && !who.registrationId)) return [];
  return unattachedUploads(await getDb(), wanted, who);
}
