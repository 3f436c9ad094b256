import { userMay } from '@/db/queries/grants';
import { grantRole, revokeRole } from '@/db/queries/roles';
import { grantResponse } from '@/lib/api/responses';
import { grantSchema } from '@/lib/domain/roles';
import { apiError, respond } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

/** Grant a role (admins only): `{ email, role, eventSlug?, sessionSlug?, pathSlug? }`. */
export const POST = endpoint(
  { who: 'account', body: { schema: grantSchema }, may: ({ who }) => userMay(who.id, 'role.grant', {}), forbidden: 'Only administrators can grant roles.' },
  async ({ who, body }) => respond(grantResponse, await grantRole(who.id, body), { status: 201 }),
);

/** Revoke a grant (admins only): `?id=<grant id>`. */
export const DELETE = endpoint(
  {
    who: 'account',
    query: z.object({ id: uuidSchema }),
    invalidQuery: () => apiError(400, 'invalid', 'Give the grant id as ?id=…', { id: 'must be a UUID' }),
    may: ({ who }) => userMay(who.id, 'role.grant', {}),
    forbidden: 'Only administrators can revoke roles.',
  },
  async ({ who, query }) => ((await revokeRole(who.id, query.id)) ? new Response(null, { status: 204 }) : apiError(404, 'not_found', 'No such grant.')),
);
