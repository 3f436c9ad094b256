import { GrantError, grantRole, revokeRole } from '@/db/queries/roles';
import { grantResponse } from '@/lib/api/responses';
import { grantSchema } from '@/lib/domain/roles';
import { apiError, invalid, readJson, respond } from '@/lib/http';
import { uuidSchema } from '@/lib/validation';
import { currentUser } from '@/server/auth/current';

export const dynamic = 'force-dynamic';

function fromGrantError(err: unknown): Response {
  if (err instanceof GrantError) {
    return apiError(err.code === 'forbidden' ? 403 : 404, err.code, err.message, err.field ? { [err.field]: err.message } : undefined);
  }
  throw err;
}

/** Grant a role (admins only): `{ email, role, eventSlug?, sessionSlug?, pathSlug? }`. */
export async function POST(req: Request) {
  const user = await currentUser();
  if (!user) return apiError(401, 'unauthenticated', 'Sign in first.');
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = grantSchema.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return respond(grantResponse, await grantRole(user.id, parsed.data), { status: 201 });
  } catch (err) {
    return fromGrantError(err);
  }
}

/** Revoke a grant (admins only): `?id=<grant id>`. */
export async function DELETE(req: Request) {
  const user = await currentUser();
  if (!user) return apiError(401, 'unauthenticated', 'Sign in first.');
  const id = uuidSchema.safeParse(new URL(req.url).searchParams.get('id'));
  if (!id.success) return apiError(400, 'invalid', 'Give the grant id as ?id=…', { id: 'must be a UUID' });
  try {
    const removed = await revokeRole(user.id, id.data);
    return removed ? new Response(null, { status: 204 }) : apiError(404, 'not_found', 'No such grant.');
  } catch (err) {
    return fromGrantError(err);
  }
}
