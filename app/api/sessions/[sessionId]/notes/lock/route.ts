import { z } from 'zod';
import { notesLockResponse } from '@/lib/api/responses';
import { notesLockRequest } from '@/lib/domain/notes';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';
import { respond } from '@/server/http/respond';
import { setNotesLocked } from '@/server/notes/set-notes-locked';

export const dynamic = 'force-dynamic';

/** `POST …/notes/lock` `{ locked, groupId? }`: the session's moderators lock the notes (then only they write) or unlock them. */
export const POST = endpoint(
  {
    params: z.object({ sessionId: uuidSchema }),
    notFound: 'No such session.',
    who: 'participant',
    body: { schema: notesLockRequest, limit: ({ req }) => ['writes', clientAddressOf(req)], maxBytes: 1024 },
  },
  async ({ who, params, body }) => respond(notesLockResponse, await setNotesLocked(who, params.sessionId, body.locked, body.groupId)),
);
