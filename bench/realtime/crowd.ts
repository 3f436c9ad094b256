// bench/realtime: the load generator's clients. `Crowd` holds a share of the benchmark's clients
// (socket.io-client connections, each joined to the session) and measures what they receive; run
// as a script (forked by run.ts, pinned to its own CPU), it obeys the coordinator over IPC.
import { io as connect, type Socket } from 'socket.io-client';

export type CrowdSpec = {
  /** The servers; client i connects to urls[i % urls.length] (i: its index among all clients). */
  urls: string[];
  sessionId: string;
  /** Personal-link tokens of this share (empty strings for the bare server). */
  tokens: string[];
  /** Index of this share's first client among all clients. */
  offset: number;
  bare: boolean;
  /** Source address of this share's connections (several 127.0.x.y: no ephemeral-port exhaustion). */
  localAddress: string;
};

type Results = { pollId: string; total: number; counts: number[]; version: number };
const now = () => performance.timeOrigin + performance.now();

export class Crowd {
  readonly clients: Socket[] = [];
  latencies: number[] = [];
  delivered = 0;
  // Poll scenario.
  pollId = '';
  pollTotal = 0;
  updates = 0;
  finalAt: number[] = [];
  private last = new Map<Socket, Results>();

  constructor(readonly spec: CrowdSpec) {}

  /** Connect and join every client, 100 at a time. */
  async connectAll(): Promise<number> {
    const { urls, sessionId, tokens, offset, bare, localAddress } = this.spec;
    for (let i = 0; i < tokens.length; i += 100) {
      await Promise.all(
        tokens.slice(i, i + 100).map(async (token, k) => {
          const socket = connect(urls[(offset + i + k) % urls.length]!, {
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
            auth: bare ? {} : { token },
            // Passed on to the `ws` client by engine.io-client.
            ...({ localAddress } as object),
          });
          await new Promise<void>((resolve, reject) => {
            socket.once('connect', () => resolve());
            socket.once('connect_error', reject);
          });
          const res = await socket.timeout(60_000).emitWithAck('session:join', { sessionId });
          if (!res.ok) throw new Error(`join refused: ${JSON.stringify(res.error)}`);
          this.listen(socket);
          this.clients.push(socket);
        }),
      );
    }
    return this.held();
  }

  held() {
    return this.clients.filter((c) => c.connected).length;
  }

  private listen(socket: Socket) {
    const onTimed = (p: { body?: string }) => {
      const m = /t=(\d+(?:\.\d+)?)/.exec(p.body ?? '');
      if (m) {
        this.latencies.push(now() - Number(m[1]));
        this.delivered++;
      }
    };
    socket.on('chat:message', onTimed);
    socket.on('question:created', onTimed);
    socket.on('question:updated', () => {});
    socket.on('poll:results', (r: Results) => {
      if (r.pollId !== this.pollId) return;
      this.updates++;
      const prev = this.last.get(socket);
      if (prev && prev.version > r.version) return;
      this.last.set(socket, r);
      if (r.total === this.pollTotal && !(prev && prev.total === this.pollTotal)) this.finalAt.push(now());
    });
  }

  /** Every client answers once: client i (among all `n`) at t0 + i / n of `seconds`. */
  async answerPoll(t0: number, seconds: number, n: number, options: number): Promise<{ refused: number; lastSent: number }> {
    let refused = 0;
    let lastSent = 0;
    const acks: Promise<void>[] = [];
    await new Promise<void>((resolve) => {
      let next = 0;
      const timer = setInterval(() => {
        const due = Math.floor(((now() - t0) / (seconds * 1000)) * n) + 1 - this.spec.offset;
        for (; next < Math.min(due, this.clients.length); next++) {
          const idx = this.spec.offset + next;
          acks.push(
            this.clients[next]!.timeout(60_000)
              .emitWithAck('poll:answer', { pollId: this.pollId, answer: [idx % options] })
              .then((res: { ok: boolean }) => void (res.ok || refused++))
              .catch(() => void refused++),
          );
          lastSent = now();
        }
        if (next >= this.clients.length) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    await Promise.all(acks);
    return { refused, lastSent };
  }

  /** Clients whose last results are the expected counts. */
  exact(expected: number[]) {
    const want = JSON.stringify(expected);
    return this.clients.filter((c) => JSON.stringify(this.last.get(c)?.counts) === want).length;
  }

  close() {
    for (const c of this.clients) c.disconnect();
  }
}

export type CrowdRequest =
  | { type: 'connect'; spec: CrowdSpec }
  | { type: 'count' }
  | { type: 'report' }
  | { type: 'poll'; pollId: string; total: number }
  | { type: 'answer'; t0: number; seconds: number; n: number; options: number }
  | { type: 'final'; expected: number[] }
  | { type: 'close' };

/** One request to a share of the crowd, and its reply (in the coordinator, or in a forked process). */
export async function handle(state: { crowd: Crowd | null }, m: CrowdRequest): Promise<CrowdReply> {
  const crowd = () => state.crowd!;
  switch (m.type) {
    case 'connect':
      state.crowd = new Crowd(m.spec);
      return { type: 'connected', held: await state.crowd.connectAll() };
    case 'count':
      return { type: 'count', delivered: crowd().delivered, finals: crowd().finalAt.length };
    case 'report':
      return { type: 'report', held: crowd().held(), delivered: crowd().delivered, latencies: Float64Array.from(crowd().latencies) };
    case 'poll':
      Object.assign(crowd(), { pollId: m.pollId, pollTotal: m.total, updates: 0 });
      return { type: 'poll' };
    case 'answer':
      return { type: 'answered', ...(await crowd().answerPoll(m.t0, m.seconds, m.n, m.options)) };
    case 'final':
      return { type: 'final', exact: crowd().exact(m.expected), updates: crowd().updates, finalAt: Float64Array.from(crowd().finalAt), held: crowd().held() };
    case 'close':
      state.crowd?.close();
      return { type: 'closed' };
  }
}

export type CrowdReply =
  | { type: 'connected'; held: number }
  | { type: 'count'; delivered: number; finals: number }
  | { type: 'report'; held: number; delivered: number; latencies: Float64Array }
  | { type: 'poll' }
  | { type: 'answered'; refused: number; lastSent: number }
  | { type: 'final'; exact: number; updates: number; finalAt: Float64Array; held: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };

// ---------------------------------------------------------------- as a forked process
if (process.send && process.argv[1]?.endsWith('crowd.ts')) {
  const state = { crowd: null as Crowd | null };
  process.on('message', (m: CrowdRequest) => {
    handle(state, m)
      .catch((err: unknown): CrowdReply => ({ type: 'error', message: String((err as Error)?.stack ?? err) }))
      .then((reply) => {
        process.send!(reply);
        if (m.type === 'close') setTimeout(() => process.exit(0), 100);
      });
  });
}
