'use server';

import { setOpenDataLicence } from '@/db/queries/report';
import { openDataLicenceInput } from '@/lib/domain/open-data';
import { formAction } from '@/server/actions/form-action';

/** The licence of the event's open-data package (organizers of the event; docs/report.md). */
export const openDataLicenceAction = formAction(
  { schema: openDataLicenceInput, signIn: (eventSlug: string) => `/organize/${eventSlug}` },
  async ({ who, input }, eventSlug: string) => {
    await setOpenDataLicence(who.id, eventSlug, input.licence);
    return `/organize/${eventSlug}?saved=exports#saved`;
  },
);
