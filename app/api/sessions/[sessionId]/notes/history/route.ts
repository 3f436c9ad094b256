import { z } from 'zod';
import { notesHistoryResponse } from '@/lib/api/responses';
import { notesQuery } from '@/lib/domain/notes';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { respond } from '@/server/http/respond';
import { listNotesHistory } from '@/server/notes/list-notes-history';

export const dynamic = 'force-dynamic';

/** The notes' history (who wrote, when), newest first, to their readers. */
export const GET = endpoint(
  { params: z.object({ sessionId: uuidSchema }), notFound: 'No such session.', who: 'participant?', query: notesQuery },
  async ({ who, params, query }) => respond(notesHistoryResponse, await listNotesHistory(who, params.sessionId, query.group), { headers: { 'cache-control': 'no-store' } }),
);
