import { z } from 'zod';
import { notesQuery } from '@/lib/domain/notes';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { exportNotesMarkdown } from '@/server/notes/export-notes';

export const dynamic = 'force-dynamic';

/** Public contract: the session's shared notes as Markdown, to the readers of its live rooms (personal-link bearer token or cookie). */
export const GET = endpoint(
  { params: z.object({ sessionId: uuidSchema }), notFound: 'No such session.', who: 'participant?', query: notesQuery },
  ({ who, params, query }) => exportNotesMarkdown(who, params.sessionId, query.group),
);
