'use server';

import { z } from 'zod';
import { type FormState, invalidForm, refusedFields, refusedForm } from '@/server/actions/form-state';
import { linkSessionToPath } from '@/server/paths/link-session-to-path';
import { updatePath } from '@/server/paths/update-path';
import { pendingUploadsOf } from '@/server/paths/list-pending-uploads';
import { actorFromUser } from '@/server/paths/actor-from-user';
import { createResource } from '@/server/paths/create-resource';
import { getResourceForEdit } from '@/server/paths/get-resource-for-edit';
import { proposeResource } from '@/server/paths/propose-resource';
import { reorderPathResources } from '@/server/paths/reorder-path-resources';
import { transitionResource } from '@/server/paths/transition-resource';
import { updateResource } from '@/server/paths/update-resource';
import { getPathBySlug } from '@/server/paths/get-path';
import { createResourceRequest, proposeResourceRequest, transitionRequest, updateResourceRequest } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { formValues, resourceFormInput } from '@/lib/paths-form';
import { formAction, redirectAction, stateAction } from '@/server/actions/form-action';
import { meetingReportFromSessionQa } from '@/server/exports/qa';

// Server actions of the path pages: the resource editor, the review queue, proposals, the order
// of a path's resources, linking sessions to paths, and Q&A → meeting report. Each one: who is
// asking, zod, one db function, then a redirect (or the refusal, with the values typed).


/** The values typed, as the forms show them again with a refusal. */
const typed = { values: formValues };

export const createResourceAction = formAction(
  {
    ...typed,
    signIn: (pathSlug: string) => `/paths/${pathSlug}/resources/new`,
    schema: createResourceRequest,
    prepare: (_values, form) => ({ ...resourceFormInput(form), publish: form.get('publish') === 'on' }),
  },
  async ({ who, input }, pathSlug) => {
    const { slug } = await createResource(await actorFromUser(who.id), pathSlug, input);
    return `/resources/${slug}/edit?saved=1`;
  },
);

export const updateResourceAction = formAction(
  {
    ...typed,
    signIn: (_resourceId: string) => '/paths',
    schema: updateResourceRequest,
    prepare: (_values, form) => ({ ...resourceFormInput(form), version: Number(form.get('version')) }),
  },
  async ({ who, input }, resourceId) => {
    const actor = await actorFromUser(who.id);
    try {
      await updateResource(actor, resourceId, input);
    } catch (err) {
      // Nothing changed: as saved.
      if (!(err instanceof DomainError && err.code === 'unchanged')) throw err;
    }
    const r = await getResourceForEdit(actor.userId, resourceId);
    return `/resources/${r?.slug ?? ''}/edit?saved=1`;
  },
);

/** Publish, decline (with a reason), archive…: from the review queue or the editor; back to `back`. */
export const transitionAction = formAction(
  {
    ...typed,
    signIn: (_resourceId: string, back: string) => back,
    schema: transitionRequest,
    prepare: (_values, form) => {
      const reason = String(form.get('reason') ?? '').trim();
      return { action: form.get('action'), ...(reason ? { reason } : {}) };
    },
  },
  async ({ who, input }, resourceId, back) => {
    await transitionResource(await actorFromUser(who.id), resourceId, input.action, input.reason ?? null);
    return `${back}${back.includes('?') ? '&' : '?'}saved=1`;
  },
);

/** Move a resource one place up or down in its path. */
export const moveResourceAction = redirectAction(
  { signIn: (pathSlug: string, _resourceId: string, _direction: 'up' | 'down') => `/paths/${pathSlug}/manage` },
  async ({ who }, pathSlug, resourceId, direction) => {
    const actor = await actorFromUser(who.id);
    const path = await getPathBySlug(pathSlug, { viewerId: actor.userId, includeUnpublished: true });
    if (!path) return '/paths';
    const ids = path.resources.map((r) => r.id);
    const i = ids.indexOf(resourceId);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (i >= 0 && j >= 0 && j < ids.length) {
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      await reorderPathResources(actor, pathSlug, ids);
    }
    return `/paths/${pathSlug}/manage#order`;
  },
);

/** A proposal from the medialab: a signed-in person, or a registrant through their personal link. */
export const proposeAction = formAction(
  {
    ...typed,
    who: 'participant',
    signIn: (pathSlug: string) => `/paths/${pathSlug}/propose`,
    schema: proposeResourceRequest,
    prepare: (_values, form) => {
      const { sessionIds: _s, ...input } = resourceFormInput(form);
      return input;
    },
  },
  async ({ who, input }, pathSlug) => {
    const { token: _t, ...fields } = input;
    await proposeResource(who, pathSlug, fields);
    return `/paths/${pathSlug}/propose?sent=1`;
  },
);

const linkInput = z.object({ sessionId: z.uuid(), paths: z.array(z.string().min(1).max(200)).max(50) });

/** The programme editor's control: the paths a session belongs to (ticked ones linked, others unlinked). */
export const linkSessionPathsAction = stateAction(
  {
    ...typed,
    signIn: (eventSlug: string, sessionId: string, _allSlugs: string[]) => `/organize/${eventSlug}/sessions/${sessionId}`,
    schema: linkInput,
    prepare: (_values, form, _eventSlug, sessionId) => ({ sessionId, paths: form.getAll('paths').map(String) }),
    // A refused list shows no values: the boxes are ticked from what is saved.
    invalid: (error): Promise<FormState> => invalidForm(error),
    refused: (err, values) => refusedForm(err, values),
  },
  async ({ who, input }, eventSlug, sessionId, allSlugs) => {
    for (const slug of allSlugs) await linkSessionToPath(who.id, slug, sessionId, input.paths.includes(slug));
    return `/organize/${eventSlug}/sessions/${sessionId}?linked=1#paths`;
  },
);

/** After a session: its Q&A export becomes a draft meeting report on the session's paths; then to its editor. */
export const qaToReportAction = formAction({ ...typed, signIn: (_sessionId: string, back: string) => back }, async ({ who }, sessionId) => {
  const { slug } = await meetingReportFromSessionQa(await actorFromUser(who.id), sessionId);
  return `/resources/${slug}/edit?saved=1`;
});

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
export const updatePathAction = formAction(
  {
    ...typed,
    signIn: (pathSlug: string) => `/paths/${pathSlug}/manage`,
    schema: pathInput,
    prepare: (_values, form) => ({
      title: form.get('title') ?? '',
      summary: form.get('summary') ?? '',
      description: form.get('description') ?? '',
      status: form.get('status') ?? '',
      cover: form.get('cover') ?? 'keep',
    }),
  },
  async ({ who, input, values }, pathSlug) => {
    const { cover, ...fields } = input;
    if (cover !== 'keep' && cover !== 'none') {
      // Only an image the coordinator uploaded themselves becomes the cover.
      const [mine] = await pendingUploadsOf([cover], { userId: who.id });
      if (!mine?.variants.includes('thumb')) return refusedFields('invalid', { cover: { code: 'own_image' } }, values);
    }
    await updatePath(who.id, pathSlug, { ...fields, ...(cover === 'keep' ? {} : { coverAttachmentId: cover === 'none' ? null : cover }) });
    return `/paths/${pathSlug}/manage?saved=1`;
  },
);
