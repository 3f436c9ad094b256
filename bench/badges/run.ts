// Issue *participated* to N attendees of one event (default 2,000): the app's award job
// (`awardFromRecords`: attendance read from Postgres, minutes per person, one credential signed per
// person, rows inserted in batches) beside a bare loop signing the same credentials with the same
// library (vc.issue + DataIntegrityProof + eddsa-rdfc-2022, offline contexts), in the same run.
// Target (issue 14): the app within 60 s and within 1.5× of the bare loop.
//
//   DATABASE_URL=postgres://… npx tsx bench/badges/run.ts      (makes and drops its own database)
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { achievements, attendance, badgeAwards, badgeIssuers, events, programmeSessions, users } from '@/db/schema';
import { awardFromRecords } from '@/server/badges/award-from-records';
import { ensureEventIssuer } from '@/server/badges/ensure-event-issuer';
import { localContext } from '@/lib/badges/contexts';
import { achievementCredential } from '@/lib/badges/documents';
import { achievementImage } from '@/lib/badges/image';
import { and, eq, sql } from 'drizzle-orm';
import { emptyBenchDatabase } from '../support';

const N = Number(process.env.BENCH_ATTENDEES ?? 2000);
const { db, done } = await emptyBenchDatabase('badges');
const loadavg = () => os.loadavg()[0]!.toFixed(1);

try {
  // One event, one live session of 2 hours, N attendees each 45 minutes in the room.
  const start = new Date(Date.now() - 3 * 3_600_000);
  const [event] = await db.insert(events).values({ slug: 'bench-badges', title: 'Bench badges', startsAt: start, endsAt: new Date() }).returning();
  const [session] = await db
    .insert(programmeSessions)
    .values({ eventId: event!.id, slug: 'pleniere', title: 'Plénière', kind: 'plenary', mode: 'online', startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000) })
    .returning();
  for (let i = 0; i < N; i += 500) {
    const batch = Array.from({ length: Math.min(500, N - i) }, (_, k) => ({ id: randomUUID(), email: `attendee-${i + k}@bench.test`, name: `Attendee ${i + k}` }));
    await db.insert(users).values(batch);
    await db.insert(attendance).values(
      batch.map((u) => ({ sessionId: session!.id, actorKey: `user:${u.id}`, participantSid: `PA_${u.id}`, joinedAt: new Date(start.getTime() + 60_000), leftAt: new Date(start.getTime() + 46 * 60_000) })),
    );
  }
  const issuer = await ensureEventIssuer(event!.id);
  const [participated] = await db.select().from(achievements).where(and(eq(achievements.issuerId, issuer.id), eq(achievements.kind, 'participated')));

  // The bare loop: the same credentials (same builder), signed with the same library, nothing else.
  const pair = await Ed25519Multikey.generate({ id: 'http://127.0.0.1/api/issuers/bench-badges/key', controller: 'http://127.0.0.1/api/issuers/bench-badges' });
  const signer = pair.signer();
  const documentLoader = async (url: string) => {
    const c = localContext(url);
    if (!c) throw new Error(url);
    return c;
  };
  const facts = { slug: 'bench-badges', name: 'Bench badges', url: 'http://127.0.0.1' };
  const a = { id: participated!.id, name: participated!.name, description: participated!.description, criteria: participated!.criteria, image: achievementImage('participated', participated!.name), kind: 'participated' };
  async function bare(n: number) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const credential = achievementCredential('http://127.0.0.1', facts, a, { id: randomUUID(), email: `attendee-${i}@bench.test`, salt: randomBytes(12).toString('base64url'), issuedAt: new Date(), statusIndex: i });
      const now = new Date();
      await vc.issue({ credential, suite: new DataIntegrityProof({ signer, cryptosuite, date: now }), documentLoader, now });
    }
    return (performance.now() - t0) / 1000;
  }
  async function app() {
    await db.delete(badgeAwards);
    await db.update(badgeIssuers).set({ nextStatusIndex: 0 });
    const t0 = performance.now();
    const issued = await awardFromRecords({ eventId: event!.id });
    const s = (performance.now() - t0) / 1000;
    const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(badgeAwards)) as [{ n: number }];
    if (issued !== N || n !== N) throw new Error(`expected ${N} badges, issued ${issued}, stored ${n}`);
    return s;
  }

  console.log(`bench/badges: issue *participated* to ${N} attendees (cores: ${os.cpus().length}, load ${loadavg()})`);
  await bare(50); // warm-up: JIT, the JSON-LD context cache
  const rounds: { bare: number; app: number }[] = [];
  const order = (process.env.BENCH_ORDER ?? 'bare-first') === 'bare-first';
  for (let r = 0; r < Number(process.env.BENCH_ROUNDS ?? 1); r++) {
    const first = order === (r % 2 === 0);
    const round = first ? { bare: await bare(N), app: await app() } : { app: await app(), bare: await bare(N) };
    rounds.push(round);
    console.log(
      `round ${r + 1}: bare loop ${round.bare.toFixed(1)} s (${(N / round.bare).toFixed(0)}/s) · app ${round.app.toFixed(1)} s (${(N / round.app).toFixed(0)}/s) · ratio ${(round.app / round.bare).toFixed(2)}× · load ${loadavg()}`,
    );
  }
  const worst = rounds.reduce((w, r) => (r.app > w.app ? r : w));
  const ratio = rounds.map((r) => r.app / r.bare).sort((x, y) => x - y)[Math.floor(rounds.length / 2)]!;
  console.log(`app: ${worst.app.toFixed(1)} s for ${N} (target ≤ 60 s: ${worst.app <= 60 ? 'met' : 'NOT met'}); ratio to the bare loop ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
} finally {
  await done();
}
