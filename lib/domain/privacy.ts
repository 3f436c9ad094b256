import { z } from 'zod';

// Personal data under the person's control (docs/privacy.md): the erasure request.

/** Optional everywhere: the personal link's token names the registrant when there is no sign-in. */
const token = z.string().min(1).max(200).optional().describe('the personal link’s token (a registrant without an account)');

/**
 * Erase my account and personal data. `confirm` must be `true` (the form's confirmation step);
 * `keepName`: my published resources and proposals keep my name instead of "a former participant".
 */
export const eraseRequest = z
  .object({
    confirm: z.literal(true).describe('the confirmation step: must be true'),
    keepName: z.boolean().default(false).describe('keep my name on my published resources and proposals'),
    token,
  })
  .strict();

export const myDataQuery = z.object({ token });
