import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { parse as parseCookie } from 'cookie';
import { actorKeyOf, type Identity } from '@/db/queries/identity';
import { config } from '@/lib/config';
import { GUEST_KEY } from '@/lib/domain/live';
import { logger } from '@/lib/logger';
import { actorRoomOf, modsRoomOf, pingPayload, roomOf } from '@/lib/realtime/protocol';
import { GUEST_COOKIE, guestSecret, verifyGuestToken } from '../auth/guest';
import { identityOfCredentials } from '../auth/principal';
import { realtimeHandshakeAllowed } from '../http/guard';
import { installRealtimeHooks } from '@/server/realtime/hooks';
import { type ChemSocket, CommandError, type Commands, commandsOf, dispatcher, type Io } from './core';
import { announceBan, linkConnections, registerLiveCommands, schedulePresence, stopPresenceTimers } from './live';
import { registerPollCommands, stopPollTimers } from './polls';
import { registerCaptionCommands } from './captions';
import { registerStageCommands } from './stage';
import { registerBreakoutCommands, startBreakoutTimers, stopBreakoutTimers } from './breakouts';

export type { Io, SocketData } from './core';

const g = globalThis as unknown as { __cheminsIo?: { io: Io; redis: ReturnType<typeof createClient> | null } };

export function realtimeState(): 'ok' | 'down' {
  const state = g.__cheminsIo;
  if (!state) return 'down';
  if (state.redis && !state.redis.isReady) return 'down';
  return 'ok';
}

/** Who connects: the one resolver of credentials outside Next (server/auth/principal.ts). */
function authenticate(socket: ChemSocket): Promise<Identity | null> {
  return identityOfCredentials({ cookie: socket.handshake.headers.cookie, token: (socket.handshake.auth as { token?: unknown } | undefined)?.token });
}

/**
 * A guest's key: `guest:` and the id the server issued them in the signed guest cookie
 * (`POST /api/guest`, server/auth/guest.ts), so that their tabs count once and, where the session
 * lets guests write, act as one person. Without a valid cookie, one key per connection, which never
 * has the shape of an issued one (`GUEST_KEY`): such a guest only reads. What the client says
 * (`auth.guest`) is not trusted.
 */
function guestKeyOf(socket: ChemSocket): string {
  const issued = socket.data.guest;
  return issued ? `guest:${issued.id}` : `guest:${socket.id}`;
}

/** The identity in the browser's guest cookie, if the server signed it (and it has not expired). */
function guestCookieOf(socket: ChemSocket) {
  return verifyGuestToken(parseCookie(socket.handshake.headers.cookie ?? '')[GUEST_COOKIE], guestSecret(config()));
}

export type Realtime = { io: Io; close: () => Promise<void> };

type RedisClient = ReturnType<typeof createClient>;
type AdapterInternals = {
  doPublish: (message: unknown) => Promise<string>;
  restoreSession: (pid: string, offset: string) => Promise<unknown>;
};

/**
 * The Redis streams adapter publishes a broadcast first and delivers it to this process's own
 * clients after (with the stream offset that connection-state recovery needs); the Redis client
 * queues commands while it is disconnected. Redis down, every broadcast would then wait for its
 * return, and a reconnecting client's handshake too (its session is read from Redis). Instead,
 * while Redis is not ready, publishing and restoring fail at once: each process goes on serving
 * its own clients (broadcasts delivered locally, reconnections as new connections, which join
 * again), and `resyncAfterRedisOutage` catches up what the other processes sent meanwhile
 * (docs/architecture.md, "Faults").
 */
function servingWhileRedisIsDown(factory: ReturnType<typeof createAdapter>, redis: RedisClient): typeof factory {
  // Socket.IO calls the factory with `new`: a function (an arrow function cannot be constructed).
  return function (nsp) {
    const adapter = factory(nsp);
    const inner = adapter as unknown as AdapterInternals;
    const publish = inner.doPublish.bind(adapter);
    const restore = inner.restoreSession.bind(adapter);
    inner.doPublish = (message) => (redis.isReady ? publish(message) : Promise.reject(new Error('redis is not ready')));
    inner.restoreSession = (pid, offset) => (redis.isReady ? restore(pid, offset) : Promise.reject(new Error('redis is not ready')));
    return adapter;
  };
}

/** Within how long, after Redis returns, every client of this process joins again (spread out). */
const RESYNC_WITHIN_MS = 5_000;

/** Redis back after an outage: this process's clients read again what they may have missed (`session:resync`). */
function resyncAfterRedisOutage(io: Io, redis: RedisClient) {
  let lost = false;
  redis.on('reconnecting', () => {
    if (!lost) logger().warn('redis unreachable: each process serves its own clients until it returns');
    lost = true;
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger().info('redis is back: clients resync');
    io.local.emit('session:resync', { withinMs: RESYNC_WITHIN_MS });
  });
}

export async function attachRealtime(httpServer: HttpServer, opts: { redisUrl?: string }): Promise<Realtime> {
  const io: Io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Leave other upgrade requests (Next's HMR socket) to Next's own handler.
    destroyUpgrade: false,
    // Missed events are replayed after a short disconnection (Redis streams keep them across processes).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    // Cookie-authenticated connections from another site are refused (server/http/guard.ts).
    allowRequest: (req, callback) => callback(null, realtimeHandshakeAllowed(req)),
  });
  let redis: ReturnType<typeof createClient> | null = null;
  if (opts.redisUrl) {
    redis = createClient({ url: opts.redisUrl });
    redis.on('error', (err) => logger().error({ err }, 'redis error'));
    await redis.connect();
    io.adapter(servingWhileRedisIsDown(createAdapter(redis), redis));
    resyncAfterRedisOutage(io, redis);
  }

  io.use((socket, next) => {
    authenticate(socket)
      .then((identity) => {
        socket.data.identity = identity;
        socket.data.guest = guestCookieOf(socket);
        socket.data.presenceKey = identity ? actorKeyOf(identity) : guestKeyOf(socket);
        socket.data.roles = {};
        next();
      })
      .catch((err) => {
        logger().error({ err }, 'realtime authentication failed');
        next(new Error('internal'));
      });
  });

  // The commands, registered once for every connection (server/realtime/core.ts).
  const commands: Commands = new Map();
  registerLiveCommands(io, commands);
  registerPollCommands(io, commands);
  registerCaptionCommands(commands);
  registerStageCommands(io, commands);
  registerBreakoutCommands(io, commands);
  commandsOf(commands)('ping', pingPayload, async ({ sentAt }, socket) => {
    const identity = socket.data.identity;
    if (!identity) throw new CommandError('unauthenticated', 'Sign in or use your personal link first.');
    return { sentAt, serverAt: Date.now(), user: { name: identity.name, kind: identity.kind } };
  });
  const dispatch = dispatcher(commands);
  // What a connection holds: its data, its rooms and these two listeners, the same functions for all.
  function onDisconnecting(this: ChemSocket) {
    const sessionIds = [...this.rooms].filter((r) => /^session:[^:]+$/.test(r)).map((r) => r.slice(8));
    this.once('disconnect', () => {
      for (const id of sessionIds) schedulePresence(io, id);
    });
  }

  io.on('connection', (socket) => {
    // A recovered connection keeps its rooms (and data); a new one joins its person's room.
    if (!socket.recovered && (socket.data.identity || GUEST_KEY.test(socket.data.presenceKey))) void socket.join(actorRoomOf(socket.data.presenceKey));
    socket.onAny(dispatch);
    socket.on('disconnecting', onDisconnecting);
  });

  // Breakout rounds started on another process, or still open in the database (a restart), end on time here too.
  await startBreakoutTimers(io, { clustered: Boolean(redis) }).catch((err) => logger().warn({ err }, 'breakout timers could not be re-armed'));

  const state = { io, redis };
  g.__cheminsIo = state;
  installRealtimeHooks({
    ban: (sessionId, actorKey) => announceBan(io, sessionId, actorKey),
    linked: (userId, registrationIds) => linkConnections(io, userId, registrationIds),
    recording: (sessionId, state) => void io.to(roomOf(sessionId)).emit('recording:updated', { sessionId, ...state }),
    recordingFailed: (sessionId, failure) => void io.to(modsRoomOf(sessionId)).emit('recording:failed', { sessionId, ...failure }),
    stream: (sessionId, state) => void io.to(roomOf(sessionId)).emit('stream:updated', { sessionId, ...state }),
    streamFailed: (sessionId, failure) => void io.to(modsRoomOf(sessionId)).emit('stream:failed', { sessionId, ...failure }),
    caption: (line) => void io.to(roomOf(line.sessionId)).emit('caption:line', line),
  });
  return {
    io,
    close: async () => {
      stopPresenceTimers(io);
      stopPollTimers(io);
      stopBreakoutTimers(io);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (redis?.isOpen) await redis.quit().catch(() => {});
      if (g.__cheminsIo === state) {
        g.__cheminsIo = undefined;
        installRealtimeHooks(undefined);
      }
    },
  };
}
