import { cancelResponse } from '@/lib/api/responses';
import { z } from 'zod';
import { cancel } from '@/db/queries/registrations';
import { invalid, readJson, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';

export const dynamic = 'force-dynamic';

const body = z.object({ sessionId: z.uuid().optional() }).strict();

/** Cancel one seat (`{ sessionId }`) or the whole registration (`{}` or no body) from the personal link. */
export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const raw = await readJson(req, { empty: {} });
  if (!raw.ok) return raw.response;
  const parsed = body.safeParse(raw.value ?? {});
  if (!parsed.success) return invalid(parsed.error);
  const { token } = await ctx.params;
  return answer(async () => respond(cancelResponse, await cancel(token, parsed.data.sessionId)));
}
