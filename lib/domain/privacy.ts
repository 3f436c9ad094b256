import { z } from 'zod';

// Personal data under the person's control (docs/privacy.md): the erasure request.

/**
 * Erase my account and personal data. `confirm` must be `true` (the form's confirmation step);
 * `keepName`: my published resources and proposals keep my name instead of "a former participant".
 */
export const eraseRequest = z
  .object({
    confirm: z.literal(true).describe('the confirmation step: must be true'),
    keepName: z.boolean().default(false).describe('keep my name on my published resources and proposals'),
  })
  .strict();

