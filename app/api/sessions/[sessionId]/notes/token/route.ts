import { z } from 'zod';
import { notesTokenResponse } from '@/lib/api/responses';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { respond } from '@/server/http/respond';
import { issueNotesToken } from '@/server/notes/issue-notes-token';

export const dynamic = 'force-dynamic';

/**
 * Public contract: `POST /api/sessions/{sessionId}/notes/token` → `200 { token, expiresAt, access }`:
 * a short-lived token for the notes' WebSocket (`/api/notes`, Hocuspocus protocol, document
 * `session:{sessionId}`), to the notes' readers (signed in, or a personal link by cookie or bearer).
 */
export const POST = endpoint(
  { params: z.object({ sessionId: uuidSchema }), notFound: 'No such session.', who: 'participant', unauthenticated: 'Sign in, or use your personal link.' },
  async ({ who, params }) => respond(notesTokenResponse, await issueNotesToken(who, params.sessionId), { headers: { 'cache-control': 'no-store' } }),
);
