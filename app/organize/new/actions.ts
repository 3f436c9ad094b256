'use server';

import { createEvent } from '@/db/queries/programme-admin';
import { eventInput } from '@/lib/domain/programme';
import { formAction } from '@/server/actions/form-action';

export const createEventAction = formAction(
  { schema: eventInput, signIn: () => '/organize/new', prepare: (values) => ({ ...values, location: values.location || undefined }) },
  async ({ who, input }) => `/organize/${(await createEvent(who.id, input)).slug}`,
);
