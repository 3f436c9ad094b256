import { attendees } from '@/db/queries/organizer';
import { toCsv } from '@/lib/exports/csv';
import { apiError } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { currentUser } from '@/server/auth/current';

export const dynamic = 'force-dynamic';

/** Attendee list as CSV (organizers of the event and admins). */
export async function GET(_req: Request, ctx: { params: Promise<{ event: string }> }) {
  const user = await currentUser();
  if (!user) return apiError(401, 'unauthenticated', 'Sign in first.');
  const slug = (await ctx.params).event;
  return answer(async () => {
    const { attendees: list } = await attendees(user.id, slug);
    const keys = [...new Set(list.flatMap((a) => Object.keys(a.answers)))].sort();
    const csv = toCsv(
      ['name', 'email', 'registered_at', 'checked_in_at', 'sessions', ...keys],
      list.map((a) => [
        a.name,
        a.email,
        a.createdAt.toISOString(),
        a.checkedInAt?.toISOString() ?? '',
        a.seats.map((seat) => `${seat.title} (${seat.status})`).join('; '),
        ...keys.map((k) => {
          const v = a.answers[k];
          return Array.isArray(v) ? v.join('; ') : v === undefined ? '' : String(v);
        }),
      ]),
    );
    return new Response(csv, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${slug}-inscriptions.csv"` },
    });
  });
}
