// bench/notes: W writers type into one shared notes document (5 characters per second each, for
// BENCH_SECONDS); every keystroke also stamps its send time in a Y.Map, so each other writer
// measures update → seen. The same workload runs against Chemins' notes server
// (server/realtime/process.ts: authentication, the history written before each acknowledgement,
// limits) and a bare Hocuspocus server (bench/notes/bare-server.ts), on one process, then (with
// REDIS_URL) on two processes through Redis. Prints p50/p99, the ratio to the bare server, and the
// server's memory per open document (RSS before and after opening BENCH_DOCS more documents).
//
//   DATABASE_URL=postgres://… [REDIS_URL=redis://…] npx tsx bench/notes/run.ts
//   (BENCH_WRITERS=50, BENCH_SECONDS=60, BENCH_CPS=5, BENCH_DOCS=50); target: Chemins p99 ≤ 300 ms
import { execFileSync } from 'node:child_process';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { benchJoinTokens, percentile, type Proc, seededBenchDatabase, startListening } from '../support';

const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CPS = Number(process.env.BENCH_CPS ?? 5);
const DOCS = Number(process.env.BENCH_DOCS ?? 50);
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('DATABASE_URL is required');

const rssMb = (pid: number) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Writer = { provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket; doc: Y.Doc };

async function open(url: string, path: string, name: string, token: string | null): Promise<Writer> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `${url.replace(/^http/, 'ws')}${path}`, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token });
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => reject(new Error(`refused: ${reason}`)));
  });
  return { provider, socket, doc };
}
const close = (w: Writer) => {
  w.provider.destroy();
  w.socket.destroy();
};

type Result = { name: string; sent: number; seen: number; expected: number; p50: number; p99: number; max: number; rss: number; perDocKb: number | null };

async function phase(name: string, procs: Proc[], docName: (i: number) => string, tokens: string[] | null, path: string, measureDocs: boolean): Promise<Result> {
  const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => open(procs[i % procs.length]!.url, path, docName(0), tokens?.[i] ?? null)));
  const latencies: number[] = [];
  writers.forEach((w, i) => {
    w.doc.getMap<string>('bench').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        if (key === String(i)) continue;
        const sentAt = Number(w.doc.getMap<string>('bench').get(key)?.split(':')[1]);
        if (sentAt) latencies.push(now - sentAt);
      }
    });
    w.doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('')]);
      w.doc.getXmlFragment('default').push([p]);
    });
  });
  await sleep(500);
  let sent = 0;
  const until = performance.now() + SECONDS * 1000;
  const timers = writers.map((w, i) =>
    setInterval(
      () => {
        if (performance.now() > until) return;
        const fragment = w.doc.getXmlFragment('default');
        const mine = fragment.toArray().find((p) => p instanceof Y.XmlElement && p.getAttribute('w') === String(i)) as Y.XmlElement | undefined;
        w.doc.transact(() => {
          let target = mine;
          if (!target) {
            target = new Y.XmlElement('paragraph');
            target.setAttribute('w', String(i));
            target.insert(0, [new Y.XmlText('')]);
            fragment.push([target]);
          }
          const text = target.get(0) as Y.XmlText;
          text.insert(text.length, 'abcdefghij'[sent % 10]!);
          w.doc.getMap<string>('bench').set(String(i), `${++sent}:${performance.now()}`);
        });
      },
      1000 / CPS,
    ),
  );
  await sleep(SECONDS * 1000 + 2000);
  timers.forEach(clearInterval);
  const rss = rssMb(procs[0]!.child.pid!);
  let perDocKb: number | null = null;
  if (measureDocs) {
    const before = rssMb(procs[0]!.child.pid!);
    const extra: Writer[] = [];
    for (let d = 1; d <= DOCS; d++) {
      const w = await open(procs[0]!.url, path, docName(d), tokens?.[d % tokens.length] ?? null);
      w.doc.transact(() => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('x'.repeat(2000))]);
        w.doc.getXmlFragment('default').push([p]);
      });
      extra.push(w);
    }
    await sleep(1000);
    perDocKb = ((rssMb(procs[0]!.child.pid!) - before) * 1024) / DOCS;
    extra.forEach(close);
  }
  writers.forEach(close);
  latencies.sort((a, b) => a - b);
  return { name, sent, seen: latencies.length, expected: sent * (WRITERS - 1), p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN, rss, perDocKb };
}

// ---------------------------------------------------------------- set-up: a fresh database
const { url: benchUrl, sql, drop } = await seededBenchDatabase(DATABASE_URL, 'notes');
const [event] = await sql<{ id: string }[]>`select id from events where slug = 'edition-demo'`;
const sessions = await sql<{ id: string }[]>`
  insert into programme_sessions (event_id, slug, title, kind, mode, starts_at, ends_at)
  select ${event!.id}, 'bench-notes-' || g, 'Bench', 'workshop', 'hybrid', now() - interval '10 minutes', now() + interval '2 hours' from generate_series(1, ${2 * (DOCS + 1)}) g
  returning id`;
const tokens = await benchJoinTokens(sql, event!.id, WRITERS);

const results: Result[] = [];
const procs: Proc[] = [];
try {
  const redis = process.env.REDIS_URL;
  const phases = [
    { name: 'bare Hocuspocus, 1 process (baseline)', script: 'bench/notes/bare-server.ts', count: 1, bare: true },
    { name: 'Chemins, 1 process', script: 'server/realtime/process.ts', count: 1, bare: false },
    ...(redis
      ? [
          { name: 'bare Hocuspocus, 2 processes + Redis (baseline)', script: 'bench/notes/bare-server.ts', count: 2, bare: true },
          { name: 'Chemins, 2 processes + Redis', script: 'server/realtime/process.ts', count: 2, bare: false },
        ]
      : []),
  ];
  for (const [k, p] of phases.entries()) {
    const started: Proc[] = [];
    for (let i = 0; i < p.count; i++) started.push(await startListening(p.script, { DATABASE_URL: benchUrl, REDIS_URL: p.count > 1 ? redis! : '' }));
    procs.push(...started);
    // Each phase its own documents, so that none starts from another's text.
    const offset = p.count === 1 ? 0 : DOCS + 1;
    const docName = (d: number) => (p.bare ? `bench-${k}-${d}` : `session:${sessions[offset + d]!.id}`);
    const r = await phase(p.name, started, docName, p.bare ? null : tokens, p.bare ? '' : '/api/notes', p.count === 1);
    results.push(r);
    console.log(`${r.name}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`);
    for (const s of started) s.child.kill('SIGTERM');
    await sleep(500);
  }
} finally {
  for (const p of procs) p.child.kill('SIGTERM');
  await drop();
}
console.log(`\nbench/notes — ${WRITERS} writers typing ${CPS} characters/s each for ${SECONDS} s in one document\n`);
console.log('| run | keystrokes | seen (of expected) | update → seen by the others: p50 ms | p99 ms | max ms | ratio p99 to bare | server RSS MB | RSS per open document KB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  const bare = results.find((b) => b.name.startsWith('bare') && b.name.includes(r.name.includes('2 processes') ? '2 processes' : '1 process'));
  const ratio = bare && bare !== r ? (r.p99 / bare.p99).toFixed(2) : '—';
  console.log(`| ${r.name} | ${r.sent} | ${r.seen} (${r.expected}) | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${ratio} | ${r.rss.toFixed(0)} | ${r.perDocKb === null ? '—' : r.perDocKb.toFixed(0)} |`);
}
console.log('\ntarget: Chemins p99 ≤ 300 ms');
process.exit(0);
