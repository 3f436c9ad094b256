import { apiError } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { currentUser } from '@/server/auth/current';
import { localeOf } from '@/server/catalogue';
import { registrationsCsvFile } from '@/server/registrations-export';

export const dynamic = 'force-dynamic';

/** Attendee list as CSV (organizers of the event and admins), in the requester's language (cookie, else Accept-Language, else French). */
export async function GET(req: Request, ctx: { params: Promise<{ event: string }> }) {
  const user = await currentUser();
  if (!user) return apiError(401, 'unauthenticated', 'Sign in first.');
  const slug = (await ctx.params).event;
  return answer(() => registrationsCsvFile(user.id, slug, localeOf(req)));
}
