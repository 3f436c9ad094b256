import { register } from '@/db/queries/registrations';
import { registrationRequest } from '@/lib/domain/registration';
import { invalid, readJson } from '@/lib/http';
import { answer } from '@/lib/http-domain';

export const dynamic = 'force-dynamic';

/**
 * Public contract: `{ name, email, sessionIds?, answers?, invitationCode?, consent: true }` →
 * `201` (new) or `200` (same e-mail again) `{ id, status, sessions: [{ sessionId, status }], joinToken }`.
 */
export async function POST(req: Request, ctx: { params: Promise<{ event: string }> }) {
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = registrationRequest.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const { event } = await ctx.params;
  return answer(async () => {
    const result = await register(event, parsed.data);
    return Response.json(result.registration, { status: result.created ? 201 : 200 });
  });
}
