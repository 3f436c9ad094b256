/**
 * Baseline for bench/realtime: a bare Socket.IO server doing the same broadcasts as Chemins with
 * no authentication, no validation and no storage. Same adapter choice (REDIS_URL → Redis
 * streams). Prints `listening <port>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false, connectionStateRecovery: { maxDisconnectionDuration: 120_000, skipMiddlewares: true } });
if (process.env.REDIS_URL) {
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  io.adapter(createAdapter(redis));
}
let seq = 0;
type Ack = (r: unknown) => void;

// Polls (the poll scenario's baseline): counts in memory, the same throttle as Chemins (at most
// one `poll:results` per poll every 250 ms, the last one always sent), no storage, no checks.
const poll = { id: 'bare-poll', sessionId: '', counts: [] as number[], total: 0, version: 0, timer: null as NodeJS.Timeout | null };
const emitResults = () => {
  poll.timer = null;
  io.to(`session:${poll.sessionId}`).emit('poll:results', { pollId: poll.id, sessionId: poll.sessionId, total: poll.total, counts: [...poll.counts], version: poll.version });
};
io.on('connection', (socket) => {
  socket.on('session:join', async ({ sessionId }: { sessionId: string }, ack: Ack) => {
    await socket.join(`session:${sessionId}`);
    ack({ ok: true, data: { questions: [], messages: [] } });
  });
  socket.on('chat:send', ({ sessionId, body }: { sessionId: string; body: string }, ack: Ack) => {
    const m = { id: String(++seq), sessionId, body, authorName: 'x', createdAt: new Date().toISOString() };
    io.to(`session:${sessionId}`).emit('chat:message', m);
    ack({ ok: true, data: m });
  });
  socket.on('question:ask', ({ sessionId, body }: { sessionId: string; body: string }, ack: Ack) => {
    const q = { id: String(++seq), sessionId, body, votes: 0, createdAt: new Date().toISOString() };
    io.to(`session:${sessionId}`).emit('question:created', q);
    ack({ ok: true, data: q });
  });
  socket.on('poll:create', ({ sessionId, options }: { sessionId: string; options: string[] }, ack: Ack) => {
    Object.assign(poll, { sessionId, counts: options.map(() => 0), total: 0, version: 0 });
    ack({ ok: true, data: { id: poll.id, status: 'draft' } });
  });
  for (const step of ['poll:launch', 'poll:show'] as const) socket.on(step, (_: unknown, ack: Ack) => ack({ ok: true, data: { id: poll.id } }));
  socket.on('poll:answer', ({ answer }: { answer: number[] }, ack: Ack) => {
    for (const i of answer) poll.counts[i]!++;
    poll.total++;
    poll.version++;
    poll.timer ??= setTimeout(emitResults, 250);
    ack({ ok: true, data: { pollId: poll.id, answer } });
  });
  // Live captions (bench/captions.ts): the same line broadcast to the room, nothing stored.
  socket.on('caption:send', ({ sessionId, text }: { sessionId: string; text: string }, ack: Ack) => {
    const line = { sessionId, text, lang: 'fr', speaker: null, at: new Date().toISOString(), final: true };
    io.to(`session:${sessionId}`).emit('caption:line', line);
    ack({ ok: true, data: line });
  });
  socket.on('question:vote', ({ questionId, sessionId }: { questionId: string; sessionId: string }, ack: Ack) => {
    const q = { id: questionId, sessionId, votes: ++seq };
    io.to(`session:${sessionId}`).emit('question:updated', q);
    ack({ ok: true, data: q });
  });
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => process.stdout.write(`listening ${(http.address() as AddressInfo).port}\n`));
