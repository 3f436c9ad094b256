'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type FormState, invalidForm, refusedFields, refusedForm } from '@/server/form-state';
import { linkSessionToPath, updatePath } from '@/db/queries/paths';
import { pendingUploadsOf } from '@/db/queries/paths-ui';
import {
  actorFromUser,
  createResource,
  getResourceForEdit,
  proposeResource,
  reorderPathResources,
  transitionResource,
  updateResource,
} from '@/db/queries/resources';
import { getPathBySlug } from '@/db/queries/paths';
import { createResourceRequest, proposeResourceRequest, transitionRequest, updateResourceRequest } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { formValues, resourceFormInput } from '@/lib/paths-form';
import { currentParticipant, currentUser } from '@/server/auth/current';
import { meetingReportFromSessionQa } from '@/server/qa-export';

// Server actions of the path pages: the resource editor, the review queue, proposals, the order
// of a path's resources, linking sessions to paths, and Q&A → meeting report. Each one: who is
// asking, zod, one db function, then a redirect (or the refusal, with the values typed).


async function signedIn(back: string) {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  return actorFromUser(user.id);
}

/** A refusal as the forms show it; anything that is not a domain refusal propagates. */
const refusal = (err: unknown, form: FormData) => refusedForm(err, formValues(form));

export async function createResourceAction(pathSlug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await signedIn(`/paths/${pathSlug}/resources/new`);
  const parsed = createResourceRequest.safeParse({ ...resourceFormInput(form), publish: form.get('publish') === 'on' });
  if (!parsed.success) return invalidForm(parsed.error, formValues(form));
  let slug: string;
  try {
    ({ slug } = await createResource(actor, pathSlug, parsed.data));
  } catch (err) {
    return refusal(err, form);
  }
  redirect(`/resources/${slug}/edit?saved=1`);
}

export async function updateResourceAction(resourceId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await signedIn(`/paths`);
  const parsed = updateResourceRequest.safeParse({ ...resourceFormInput(form), version: Number(form.get('version')) });
  if (!parsed.success) return invalidForm(parsed.error, formValues(form));
  try {
    await updateResource(actor, resourceId, parsed.data);
  } catch (err) {
    if (!(err instanceof DomainError && err.code === 'unchanged')) return refusal(err, form);
  }
  const r = await getResourceForEdit(actor.userId, resourceId);
  redirect(`/resources/${r?.slug ?? ''}/edit?saved=1`);
}

/** Publish, decline (with a reason), archive…: from the review queue or the editor; back to `back`. */
export async function transitionAction(resourceId: string, back: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await signedIn(back);
  const reason = String(form.get('reason') ?? '').trim();
  const parsed = transitionRequest.safeParse({ action: form.get('action'), ...(reason ? { reason } : {}) });
  if (!parsed.success) return invalidForm(parsed.error, formValues(form));
  try {
    await transitionResource(actor, resourceId, parsed.data.action, parsed.data.reason ?? null);
  } catch (err) {
    return refusal(err, form);
  }
  redirect(`${back}${back.includes('?') ? '&' : '?'}saved=1`);
}

/** Move a resource one place up or down in its path. */
export async function moveResourceAction(pathSlug: string, resourceId: string, direction: 'up' | 'down'): Promise<void> {
  const actor = await signedIn(`/paths/${pathSlug}/manage`);
  const path = await getPathBySlug(pathSlug, { viewerId: actor.userId, includeUnpublished: true });
  if (!path) redirect('/paths');
  const ids = path.resources.map((r) => r.id);
  const i = ids.indexOf(resourceId);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i >= 0 && j >= 0 && j < ids.length) {
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    await reorderPathResources(actor, pathSlug, ids);
  }
  redirect(`/paths/${pathSlug}/manage#order`);
}

/** A proposal from the medialab: a signed-in person, or a registrant through their personal link. */
export async function proposeAction(pathSlug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const who = await currentParticipant();
  if (!who) redirect(`/signin?callbackUrl=${encodeURIComponent(`/paths/${pathSlug}/propose`)}`);
  const { sessionIds: _s, ...input } = resourceFormInput(form);
  const parsed = proposeResourceRequest.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, formValues(form));
  const { token: _t, ...fields } = parsed.data;
  try {
    await proposeResource(who, pathSlug, fields);
  } catch (err) {
    return refusal(err, form);
  }
  redirect(`/paths/${pathSlug}/propose?sent=1`);
}

const linkInput = z.object({ sessionId: z.uuid(), paths: z.array(z.string().min(1).max(200)).max(50) });

/** The programme editor's control: the paths a session belongs to (ticked ones linked, others unlinked). */
export async function linkSessionPathsAction(eventSlug: string, sessionId: string, allSlugs: string[], _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await signedIn(`/organize/${eventSlug}/sessions/${sessionId}`);
  const parsed = linkInput.safeParse({ sessionId, paths: form.getAll('paths').map(String) });
  if (!parsed.success) return invalidForm(parsed.error);
  try {
    for (const slug of allSlugs) await linkSessionToPath(actor.userId, slug, sessionId, parsed.data.paths.includes(slug));
  } catch (err) {
    return refusal(err, form);
  }
  redirect(`/organize/${eventSlug}/sessions/${sessionId}?linked=1#paths`);
}

/** After a session: its Q&A export becomes a draft meeting report on the session's paths; then to its editor. */
export async function qaToReportAction(sessionId: string, back: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await signedIn(back);
  let slug: string;
  try {
    ({ slug } = await meetingReportFromSessionQa(actor, sessionId));
  } catch (err) {
    return refusal(err, form);
  }
  redirect(`/resources/${slug}/edit?saved=1`);
}

const pathInput = z
  .object({
    title: z.string().trim().min(1, 'required').max(300),
    summary: z.string().trim().max(2000),
    description: z.string().max(100_000),
    status: z.enum(['draft', 'active', 'archived']),
    cover: z.union([z.literal('keep'), z.literal('none'), z.uuid()]),
  })
  .strict();

/** A path's presentation (title, summary, Markdown description, status, cover image), by its coordinators. */
export async function updatePathAction(pathSlug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await signedIn(`/paths/${pathSlug}/manage`);
  const parsed = pathInput.safeParse({
    title: form.get('title') ?? '',
    summary: form.get('summary') ?? '',
    description: form.get('description') ?? '',
    status: form.get('status') ?? '',
    cover: form.get('cover') ?? 'keep',
  });
  if (!parsed.success) return invalidForm(parsed.error, formValues(form));
  const { cover, ...fields } = parsed.data;
  if (cover !== 'keep' && cover !== 'none') {
    // Only an image the coordinator uploaded themselves becomes the cover.
    const [mine] = await pendingUploadsOf([cover], { userId: actor.userId });
    if (!mine?.variants.includes('thumb')) return refusedFields('invalid', { cover: { code: 'own_image' } }, formValues(form));
  }
  try {
    await updatePath(actor.userId, pathSlug, { ...fields, ...(cover === 'keep' ? {} : { coverAttachmentId: cover === 'none' ? null : cover }) });
  } catch (err) {
    return refusal(err, form);
  }
  redirect(`/paths/${pathSlug}/manage?saved=1`);
}
