import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { type Extension, Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { createClient } from 'redis';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { appendNoteUpdate, loadNotes, notesLocked, storeNotesState } from '@/db/queries/notes/notes';
import { isNotesUrl, NOTES_FRAGMENT, NOTES_LIMITS, parseNotesDocument, takeUpdateToken } from '@/lib/domain/notes';
import { logger } from '@/lib/logger';
import { realtimeHandshakeAllowed } from '../http/guard';
import { authenticateNotes, type NotesContext, NotesRefusal } from './authenticate';
import { installNotesHooks } from './hooks';

/**
 * The shared notes' server (issue 31): Hocuspocus (the Yjs collaboration protocol) on the app's
 * port at `/api/notes`, without a listener of its own: `attachNotes(server)` takes the upgrades
 * of that path. Every accepted update is written to the history (with its author) BEFORE it is
 * applied and acknowledged, so nothing a client saw acknowledged is lost, even in a crash; the
 * compacted state is stored on Hocuspocus's debounce and at shutdown. Across processes through
 * Redis (`@hocuspocus/extension-redis`) when REDIS_URL is set. docs/architecture.md, "Shared notes".
 */

const LOCK_CHANNEL = 'chemins:notes:lock';

/** WebSocket close codes of our refusals (4000–4999: the application's). */
export const NOTES_CLOSE = {
  malformed: { code: 4400, reason: 'malformed' },
  tooLarge: { code: 4413, reason: 'document_too_large' },
  rateLimited: { code: 4429, reason: 'rate_limited' },
} as const;

/** The Yjs update a Hocuspocus message carries (sync step 2 or update), else null (sync step 1, awareness, auth…). */
export function yjsUpdateOf(message: Uint8Array): { update: Uint8Array; step2: boolean } | null {
  const d = decoding.createDecoder(message);
  decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  if (type !== 0 && type !== 4) return null; // Sync, SyncReply
  const step = decoding.readVarUint(d);
  if (step !== 1 && step !== 2) return null;
  return { update: decoding.readVarUint8Array(d), step2: step === 1 };
}

export type Notes = {
  hocuspocus: Hocuspocus<NotesContext>;
  /** Apply a lock change to this process's open connections (and, through Redis, the others'). */
  relock: (documentName: string) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * What an editor is told at connection and at each lock change (a Hocuspocus stateless message):
 * whether the notes are locked, and whether this connection may write (`readOnly`).
 */
export const lockMessage = (locked: boolean, readOnly: boolean) => JSON.stringify({ type: 'notes:locked', locked, readOnly });

/** Sets each open connection's read-only flag from the lock, and tells the editors (`lockMessage`). */
function applyLock(hocuspocus: Hocuspocus<NotesContext>, documentName: string, locked: boolean) {
  const document = hocuspocus.documents.get(documentName);
  if (!document) return;
  for (const connection of document.getConnections()) {
    const ctx = connection.context as NotesContext;
    connection.readOnly = !(ctx.moderator || (ctx.writer && !locked));
    connection.sendStateless(lockMessage(locked, connection.readOnly));
  }
}

/** Restore (server/notes/restore-notes.ts): the document's content becomes what `updates` make, as one new change; returns it. */
async function replaceContent(hocuspocus: Hocuspocus<NotesContext>, documentName: string, updates: Uint8Array[]): Promise<Uint8Array> {
  const past = new Y.Doc();
  Y.applyUpdate(past, Y.mergeUpdates(updates));
  const connection = await hocuspocus.openDirectConnection(documentName, {} as NotesContext);
  try {
    const doc = connection.document!;
    const before = Y.encodeStateVector(doc);
    await connection.transact((d) => {
      const fragment = d.getXmlFragment(NOTES_FRAGMENT);
      fragment.delete(0, fragment.length);
      fragment.insert(
        0,
        past
          .getXmlFragment(NOTES_FRAGMENT)
          .toArray()
          .map((n) => (n as Y.XmlElement | Y.XmlText).clone()),
      );
    });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    past.destroy();
    await connection.disconnect();
  }
}

export async function attachNotes(httpServer: HttpServer, opts: { redisUrl?: string } = {}): Promise<Notes> {
  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => {});
    return p;
  };
  /** Estimated state size per document (bytes), refreshed when it nears the limit. */
  const sizes = new Map<string, number>();

  const persistence: Extension<NotesContext> = {
    extensionName: 'chemins-notes',
    async onAuthenticate({ documentName, token, requestHeaders, connectionConfig }) {
      const { context, access } = await authenticateNotes(documentName, token, requestHeaders.get('cookie'));
      connectionConfig.readOnly = access !== 'write';
      return context;
    },
    async connected({ connection }) {
      connection.sendStateless(lockMessage(await notesLocked(connection.document.name), connection.readOnly));
    },
    async onLoadDocument({ document, documentName }) {
      const stored = await loadNotes(documentName);
      if (stored.updates.length) Y.applyUpdate(document, Y.mergeUpdates(stored.updates));
      sizes.set(documentName, Y.encodeStateAsUpdate(document).length);
    },
    async beforeHandleMessage({ connection, document, update: message, context }) {
      const ctx = context as NotesContext;
      const refuse = (why: (typeof NOTES_CLOSE)[keyof typeof NOTES_CLOSE]) => {
        ctx.closeSocket?.(why.code, why.reason);
        return why;
      };
      if (!takeUpdateToken(ctx.bucket, Date.now())) throw refuse(NOTES_CLOSE.rateLimited);
      let found: ReturnType<typeof yjsUpdateOf>;
      try {
        found = yjsUpdateOf(message);
        if (found && !connection.readOnly) Y.decodeUpdate(found.update);
      } catch {
        throw refuse(NOTES_CLOSE.malformed);
      }
      if (!found || connection.readOnly || !ctx.actorKey) return; // a read-only connection's update is refused by Hocuspocus
      const { update, step2 } = found;
      // A client's first sync sends what it has: history only when it brings something new.
      if (step2 && Y.snapshotContainsUpdate(Y.snapshot(document), update)) return;
      let size = (sizes.get(document.name) ?? 0) + update.length;
      if (size > NOTES_LIMITS.documentBytes) {
        size = Y.encodeStateAsUpdate(document).length + update.length;
        if (size > NOTES_LIMITS.documentBytes) throw refuse(NOTES_CLOSE.tooLarge);
      }
      sizes.set(document.name, size);
      await track(appendNoteUpdate({ documentName: document.name, sessionId: ctx.sessionId, actorKey: ctx.actorKey, authorName: ctx.authorName, update }));
    },
    async onStoreDocument({ document, documentName }) {
      const doc = parseNotesDocument(documentName);
      if (!doc) return;
      const state = Y.encodeStateAsUpdate(document);
      sizes.set(documentName, state.length);
      await track(storeNotesState(documentName, doc.sessionId, state));
    },
    async afterUnloadDocument({ documentName }) {
      sizes.delete(documentName);
    },
  };

  const extensions: Extension[] = [persistence];
  let redis: { pub: ReturnType<typeof createClient>; sub: ReturnType<typeof createClient> } | null = null;
  if (opts.redisUrl) {
    const url = new URL(opts.redisUrl);
    extensions.unshift(
      new RedisExtension({
        host: url.hostname,
        port: Number(url.port || 6379),
        options: { username: url.username || undefined, password: url.password || undefined, db: Number(url.pathname.slice(1) || 0) },
        prefix: 'chemins:notes',
      }),
    );
  }

  const hocuspocus = new Hocuspocus<NotesContext>({
    name: 'chemins-notes',
    quiet: true,
    debounce: 1000,
    maxDebounce: 5000,
    extensions,
  });

  if (opts.redisUrl) {
    const pub = createClient({ url: opts.redisUrl });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on('error', (err) => logger().error({ err }, 'notes redis error'));
    await Promise.all([pub.connect(), sub.connect()]);
    await sub.subscribe(LOCK_CHANNEL, (message) => {
      const [documentName, locked] = message.split('\n');
      if (documentName) applyLock(hocuspocus, documentName, locked === '1');
    });
    redis = { pub, sub };
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: NOTES_LIMITS.messageBytes });
  wss.on('connection', (ws, req: IncomingMessage) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`http://localhost${req.url ?? '/'}`, { headers });
    const connection = hocuspocus.handleConnection(ws as unknown as WebSocket, request, { closeSocket: (code: number, reason: string) => ws.close(code, reason) } as NotesContext);
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      connection.handleMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    ws.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
    ws.on('error', (err) => logger().debug({ err }, 'notes socket error'));
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isNotesUrl(req.url)) return;
    if (!realtimeHandshakeAllowed(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  httpServer.on('upgrade', onUpgrade);

  const relock = async (documentName: string) => {
    const locked = await notesLocked(documentName);
    applyLock(hocuspocus, documentName, locked);
    if (redis) await redis.pub.publish(LOCK_CHANNEL, `${documentName}\n${locked ? '1' : '0'}`);
  };

  const notes: Notes = {
    hocuspocus,
    relock,
    close: async () => {
      httpServer.off('upgrade', onUpgrade);
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      // The stores flushed above (each document unloads once stored) and any history write still running.
      const end = Date.now() + 5000;
      while ((hocuspocus.getDocumentsCount() > 0 || pending.size) && Date.now() < end) {
        await Promise.race([Promise.allSettled([...pending]), new Promise((r) => setTimeout(r, 20))]);
      }
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus }).catch(() => {});
      if (redis) await Promise.all([redis.pub.quit(), redis.sub.quit()]).catch(() => {});
      installNotesHooks(undefined);
    },
  };
  installNotesHooks({ relock, replaceContent: (documentName, updates) => replaceContent(hocuspocus, documentName, updates) });
  return notes;
}

export { NotesRefusal };
