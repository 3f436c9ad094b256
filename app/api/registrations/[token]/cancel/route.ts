import { cancel } from '@/db/queries/registrations';
import { cancelResponse } from '@/lib/api/responses';
import { cancelRequest } from '@/lib/domain/registration';
import { invalid, readJson, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';

export const dynamic = 'force-dynamic';

/** Cancel one seat (`{ sessionId }`) or the whole registration (`{}` or no body) from the personal link. */
export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const raw = await readJson(req, { empty: {} });
  if (!raw.ok) return raw.response;
  // Only an empty body means `{}`: `null` or any other JSON that is not the object is refused.
  const parsed = cancelRequest.safeParse(raw.value);
  if (!parsed.success) return invalid(parsed.error);
  const { token } = await ctx.params;
  return answer(async () => respond(cancelResponse, await cancel(token, parsed.data.sessionId)));
}
