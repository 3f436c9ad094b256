import { getDb } from '@/db/client';
import { resourceSlugById } from '@/db/queries/resources/pages';
import { getResourceBySlug, type ResourceView } from './get-resource';

/** A resource by id for its editors (the edit form), or null. */
export async function getResourceForEdit(userId: string, resourceId: string): Promise<ResourceView | null> {
  const slug = await resourceSlugById(await getDb(), resourceId);
  if (!slug) return null;
  const view = await getResourceBySlug(slug, { userId });
  return view?.viewer.canEdit ? view : null;
}
