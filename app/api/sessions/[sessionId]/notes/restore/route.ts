import { z } from 'zod';
import { notesRestoreResponse } from '@/lib/api/responses';
import { notesRestoreRequest } from '@/lib/domain/notes';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';
import { respond } from '@/server/http/respond';
import { restoreNotes } from '@/server/notes/restore-notes';

export const dynamic = 'force-dynamic';

/** `POST …/notes/restore` `{ entryId, groupId? }`: the session's moderators bring the notes back to a point of their history (as a new change). */
export const POST = endpoint(
  {
    params: z.object({ sessionId: uuidSchema }),
    notFound: 'No such session.',
    who: 'participant',
    body: { schema: notesRestoreRequest, limit: ({ req }) => ['writes', clientAddressOf(req)], maxBytes: 1024 },
  },
  async ({ who, params, body }) => respond(notesRestoreResponse, await restoreNotes(who, params.sessionId, body.entryId, body.groupId)),
);
