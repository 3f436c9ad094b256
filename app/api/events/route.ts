import { publicEvents } from '@/db/queries/public';

export const dynamic = 'force-dynamic';

/** Public contract: `[{ slug, title, startsAt, endsAt, timeZone }]`. */
export async function GET() {
  return Response.json(await publicEvents());
}
