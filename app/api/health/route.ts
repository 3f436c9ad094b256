import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { healthResponse } from '@/lib/api/responses';
import { mailState } from '@/lib/config';
import { respond } from '@/server/http/respond';
import { livekitHealth } from '@/server/media/livekit';
import { realtimeState } from '@/server/realtime';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/**
 * Public contract: `200 {"status":"ok","db":"ok","realtime":"ok","livekit":"ok"|"not-configured"|"down",
 * "mail":"ok"|"log"|"unavailable"}`. Mail does not make the app degraded (it still serves): its field says.
 */
export const GET = endpoint({}, async () => {
  const db = await getDb()
    .then((d) => d.execute(sql`select 1`))
    .then(() => 'ok' as const)
    .catch(() => 'down' as const);
  const realtime = realtimeState();
  const livekit = await livekitHealth();
  const ok = db === 'ok' && realtime === 'ok';
  return respond(
    healthResponse,
    { status: ok ? 'ok' : 'degraded', db, realtime, livekit, mail: mailState() },
    { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
});
