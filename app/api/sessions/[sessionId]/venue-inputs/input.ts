import { z } from 'zod';
import { uuidSchema } from '@/lib/validation';
import { clientAddressOf } from '@/server/http/rate-limit';
import { rateLimited } from '@/server/http/write-guard';

/** What the routes of one venue input share: their path (a mismatch is a 404) and the `writes` rate limit (bodiless writes). */
export const inputRoute = { params: z.object({ sessionId: uuidSchema, id: uuidSchema }), notFound: 'No such venue input.', who: 'participant' } as const;

export const writesLimited = (req: Request) => rateLimited('writes', clientAddressOf(req));
