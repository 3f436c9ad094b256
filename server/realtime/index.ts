import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { parse as parseCookie } from 'cookie';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import { getSessionById } from '@/db/queries/events';
import { actorKeyOf, identityFromJoinToken, identityFromSessionToken, type Identity } from '@/db/queries/identity';
import { eventRoleOf } from '@/db/queries/roles';
import { logger } from '@/lib/logger';
import {
  type Ack,
  type ClientToServerEvents,
  type ErrorCode,
  JOIN_COOKIE,
  pingPayload,
  type Role,
  roomOf,
  sessionRef,
  type ServerToClientEvents,
} from '@/lib/realtime/protocol';
import { SESSION_COOKIES } from '../auth/options';

export type SocketData = {
  identity: Identity | null;
  /** One key per person (or per guest connection) so that presence counts people, not tabs. */
  presenceKey: string;
  roles: Record<string, Role>;
};

export type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ChemSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

class CommandError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const g = globalThis as unknown as { __cheminsIo?: { io: Io; redis: ReturnType<typeof createClient> | null } };

export function realtimeState(): 'ok' | 'down' {
  const state = g.__cheminsIo;
  if (!state) return 'down';
  if (state.redis && !state.redis.isReady) return 'down';
  return 'ok';
}

async function authenticate(socket: ChemSocket): Promise<Identity | null> {
  const cookies = parseCookie(socket.handshake.headers.cookie ?? '');
  for (const name of SESSION_COOKIES) {
    const token = cookies[name];
    if (token) {
      const id = await identityFromSessionToken(token);
      if (id) return id;
    }
  }
  const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof token === 'string' && token) return identityFromJoinToken(token);
  const joined = cookies[JOIN_COOKIE];
  return joined ? identityFromJoinToken(joined) : null;
}

/**
 * Wrap a command: validate the payload with zod, run the handler, ack `{ ok, data|error }`.
 * A bad payload, a missing ack or a failing handler never crashes the connection.
 */
function command<S extends z.ZodType, T>(
  socket: ChemSocket,
  name: string,
  schema: S,
  handler: (payload: z.output<S>) => Promise<T>,
) {
  return async (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => {};
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply({ ok: false, error: { code: 'invalid', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ') } });
      return;
    }
    try {
      reply({ ok: true, data: await handler(parsed.data) });
    } catch (err) {
      if (err instanceof CommandError) {
        reply({ ok: false, error: { code: err.code, message: err.message } });
      } else {
        logger().error({ err, command: name, socket: socket.id }, 'realtime command failed');
        reply({ ok: false, error: { code: 'internal', message: 'Something went wrong; please retry.' } });
      }
    }
  };
}

async function presenceOf(io: Io, sessionId: string) {
  const sockets = await io.in(roomOf(sessionId)).fetchSockets();
  return { sessionId, count: new Set(sockets.map((s) => s.data.presenceKey)).size };
}

async function broadcastPresence(io: Io, sessionId: string) {
  io.to(roomOf(sessionId)).emit('presence:updated', await presenceOf(io, sessionId));
}

function roleFor(identity: Identity | null, eventRole: Awaited<ReturnType<typeof eventRoleOf>>): Role {
  if (!identity) return 'guest';
  return eventRole;
}

export type Realtime = { io: Io; close: () => Promise<void> };

export async function attachRealtime(httpServer: HttpServer, opts: { redisUrl?: string }): Promise<Realtime> {
  const io: Io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Leave other upgrade requests (Next's HMR socket) to Next's own handler.
    destroyUpgrade: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
  });
  let redis: ReturnType<typeof createClient> | null = null;
  if (opts.redisUrl) {
    redis = createClient({ url: opts.redisUrl });
    redis.on('error', (err) => logger().error({ err }, 'redis error'));
    await redis.connect();
    io.adapter(createAdapter(redis));
  }

  io.use((socket, next) => {
    authenticate(socket)
      .then((identity) => {
        socket.data.identity = identity;
        socket.data.presenceKey = identity ? actorKeyOf(identity) : `guest:${socket.id}`;
        socket.data.roles = {};
        next();
      })
      .catch((err) => {
        logger().error({ err }, 'realtime authentication failed');
        next(new Error('internal'));
      });
  });

  io.on('connection', (socket) => {
    socket.on(
      'session:join',
      command(socket, 'session:join', sessionRef, async ({ sessionId }) => {
        const session = await getSessionById(sessionId);
        if (!session) throw new CommandError('not_found', 'No such session.');
        const identity = socket.data.identity;
        const role = roleFor(identity, await eventRoleOf(identity?.userId ?? null, session.eventId));
        socket.data.roles[sessionId] = role;
        await socket.join(roomOf(sessionId));
        const presence = await presenceOf(io, sessionId);
        socket.to(roomOf(sessionId)).emit('presence:updated', presence);
        return { presence, you: { role, name: identity?.name ?? null } };
      }),
    );
    socket.on(
      'session:leave',
      command(socket, 'session:leave', sessionRef, async ({ sessionId }) => {
        await socket.leave(roomOf(sessionId));
        delete socket.data.roles[sessionId];
        await broadcastPresence(io, sessionId);
        return { sessionId };
      }),
    );
    socket.on(
      'ping',
      command(socket, 'ping', pingPayload, async ({ sentAt }) => {
        const identity = socket.data.identity;
        if (!identity) throw new CommandError('unauthenticated', 'Sign in or use your personal link first.');
        return { sentAt, serverAt: Date.now(), user: { name: identity.name, kind: identity.kind } };
      }),
    );
    socket.on('disconnecting', () => {
      const sessionIds = [...socket.rooms].filter((r) => r.startsWith('session:')).map((r) => r.slice(8));
      socket.once('disconnect', () => {
        for (const id of sessionIds) {
          broadcastPresence(io, id).catch((err) => logger().warn({ err }, 'presence update failed'));
        }
      });
    });
  });

  const state = { io, redis };
  g.__cheminsIo = state;
  return {
    io,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (redis?.isOpen) await redis.quit().catch(() => {});
      if (g.__cheminsIo === state) g.__cheminsIo = undefined;
    },
  };
}
