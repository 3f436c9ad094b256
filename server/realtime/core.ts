import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { Identity } from '@/db/queries/identity';
import type { GuestIdentity } from '@/server/auth/guest';
import { refusalOf } from '@/db/client';
import { logger } from '@/lib/logger';
import type { Ack, ClientToServerEvents, ErrorCode, Role, ServerToClientEvents } from '@/lib/realtime/protocol';

export type SocketData = {
  identity: Identity | null;
  /** One key per person (or per guest connection) so that presence counts people, not tabs. */
  presenceKey: string;
  /**
   * The browser's signed guest cookie at the handshake (server/auth/guest.ts), whoever connects:
   * a guest's identity, and for anyone the rooms whose QR code admitted them.
   */
  guest: GuestIdentity | null;
  roles: Record<string, Role>;
};

/** What a realtime process tells the others (through the adapter; nothing without one). */
export type InterServerEvents = {
  /** A breakout round started: every process arms its timer (the first to fire ends it). */
  'breakout:arm': (round: { id: string; endsAt: string }) => void;
};

export type Io = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type ChemSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** A refusal sent back in the command's ack. */
export class CommandError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What a command acks when it succeeds, as the protocol (lib/realtime/protocol.ts) declares it. */
export type CommandData<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends (res: Ack<infer T>) => void ? T : never;

/** The commands of a realtime server, by name: registered once, shared by every connection. */
export type Commands = Map<string, { schema: z.ZodType; handler: (payload: unknown, socket: ChemSocket) => Promise<unknown> }>;

/**
 * The command registrar: `on(name, schema, handler)` adds a command to `commands`. The name is
 * written once, and the handler must return what the protocol declares for that command's ack (a
 * mismatch is a type error). A handler is given the payload (validated) and the socket that sent
 * it: commands are registered once per server, not once per connection (issue 33: no closure per
 * command and socket).
 */
export function commandsOf(commands: Commands) {
  return <E extends keyof ClientToServerEvents & string, S extends z.ZodType>(
    name: E,
    schema: S,
    handler: (payload: z.output<S>, socket: ChemSocket) => Promise<CommandData<E>>,
  ): void => {
    if (commands.has(name)) throw new Error(`socket command ${name} registered twice`);
    commands.set(name, { schema, handler: handler as (payload: unknown, socket: ChemSocket) => Promise<unknown> });
  };
}

/**
 * Every connection's one listener (`socket.onAny(dispatcher(commands))`, the same function for all
 * of them; Socket.IO calls it with the socket as `this`): runs the command the event names. An
 * event that names no command is ignored, as Socket.IO ignores an event nobody listens to.
 */
export function dispatcher(commands: Commands) {
  return function dispatch(this: ChemSocket, event: string, payload?: unknown, ack?: unknown) {
    const c = commands.get(event);
    if (c) void runCommand(this, event, c.schema, c.handler, payload, ack);
  };
}

/**
 * Run a command: validate the payload with zod, run the handler, ack `{ ok, data|error }`.
 * A bad payload, a missing ack or a failing handler never crashes the connection.
 */
async function runCommand<S extends z.ZodType, T>(
  socket: ChemSocket,
  name: string,
  schema: S,
  handler: (payload: z.output<S>, socket: ChemSocket) => Promise<T>,
  payload: unknown,
  ack?: unknown,
) {
  const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => {};
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    reply({
      ok: false,
      error: { code: 'invalid', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ') },
    });
    return;
  }
  try {
    reply({ ok: true, data: await handler(parsed.data, socket) });
  } catch (err) {
    const refused = err instanceof CommandError ? err : refusalOf(err);
    if (refused) {
      reply({ ok: false, error: { code: refused.code as ErrorCode, message: refused.message } });
    } else {
      logger().error({ err, command: name, socket: socket.id }, 'realtime command failed');
      reply({ ok: false, error: { code: 'internal', message: 'Something went wrong; please retry.' } });
    }
  }
}
