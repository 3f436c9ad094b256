import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { GET as notesMarkdownRoute } from '@/app/api/sessions/[sessionId]/notes.md/route';
import { POST as notesTokenRoute } from '@/app/api/sessions/[sessionId]/notes/token/route';
import { openDatabase, setDatabase } from '@/db/client';
import { identityFromJoinToken } from '@/db/queries/identity';
import { erasePerson } from '@/db/queries/my-data';
import { listNoteHistory } from '@/db/queries/notes/notes';
import { sessionNotes } from '@/db/schema';
import { seed } from '@/db/seed';
import { config } from '@/lib/config';
import { GUEST_COOKIE, guestSecret, newGuestIdentity, signGuestToken } from '@/server/auth/guest';
import { issueNotesToken } from '@/server/notes/issue-notes-token';
import { listNotesHistory } from '@/server/notes/list-notes-history';
import { notesOf } from '@/server/notes/notes-of';
import { restoreNotes } from '@/server/notes/restore-notes';
import { setNotesLocked } from '@/server/notes/set-notes-locked';
import { signNotesToken } from '@/server/notes/token';
import { demoLive, registrant, seedSession, seedUser } from './factories';
import { type Editor, openEditor, paragraphs, startNotes, writeParagraph } from './notes-support';
import { spawnServer, until } from './realtime-support';
import { requireEnv, useFreshDatabase } from './support';

const acked = (e: Editor) => until(() => e.provider.unsyncedChanges === 0, 10_000, 'acknowledged');
const sees = (e: Editor, text: string) => until(() => paragraphs(e.doc).includes(text), 10_000, `“${text}” seen`);

describe('shared notes (Hocuspocus on real Postgres and Redis)', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let server: Awaited<ReturnType<typeof startNotes>>;
  const editors: Editor[] = [];
  let eventId: string;
  let open: string; // a public session, guests read only
  let guestsWrite: string; // a public session that lets guests write
  let closed: string; // by invitation
  let alice: Awaited<ReturnType<typeof registrant>>;
  let bob: Awaited<ReturnType<typeof registrant>>;
  let moderator: Awaited<ReturnType<typeof seedUser>>;
  let stranger: Awaited<ReturnType<typeof seedUser>>;
  const editor = (name: string, opts?: { token?: string; cookie?: string }, url = server.url) => {
    const e = openEditor(url, name, opts);
    editors.push(e);
    return e;
  };

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    await seed(db.handle.db);
    ({ eventId } = await demoLive());
    open = await seedSession(db.handle.db, { eventId, slug: 'notes-open' });
    guestsWrite = await seedSession(db.handle.db, { eventId, slug: 'notes-guests', guestsWrite: true });
    closed = await seedSession(db.handle.db, { eventId, slug: 'notes-closed', visibility: 'invitation' });
    alice = await registrant('Alice');
    bob = await registrant('Bob');
    moderator = await seedUser(db.handle.db, { email: 'mod-notes@chemins.test', name: 'Modé Notes', role: 'moderator', eventId });
    stranger = await seedUser(db.handle.db, { email: 'stranger-notes@chemins.test', name: 'Étranger' });
    server = await startNotes();
  });
  afterAll(async () => {
    for (const e of editors) e.close();
    await server?.close();
    await db?.close();
  });

  it('two editors converge, a late joiner gets the text, and the history names the authors', async () => {
    const name = `session:${open}`;
    const a = editor(name, { token: alice.token });
    const b = editor(name, { token: bob.token });
    expect(await a.outcome).toBe('synced');
    expect(await b.outcome).toBe('synced');
    writeParagraph(a.doc, 'Alice écrit');
    writeParagraph(b.doc, 'Bob aussi');
    await Promise.all([sees(a, 'Bob aussi'), sees(b, 'Alice écrit'), acked(a), acked(b)]);
    expect(paragraphs(a.doc)).toEqual(paragraphs(b.doc));
    const late = editor(name, { cookie: moderator.cookie });
    expect(await late.outcome).toBe('synced');
    expect(paragraphs(late.doc).sort()).toEqual(['Alice écrit', 'Bob aussi']);
    const history = await listNotesHistory(moderator.identity, open);
    expect(history.entries.map((e) => e.author).sort()).toEqual(['Alice', 'Bob']);
    expect(history.restorable).toBe(true);
    expect((await notesOf(open)).markdown).toContain('Alice écrit');
  });

  it('an erased person’s updates stay in the notes, without their name', async () => {
    const s = await seedSession(db.handle.db, { eventId, slug: 'notes-erasure' });
    const carla = await registrant('Carla');
    const c = editor(`session:${s}`, { token: carla.token });
    expect(await c.outcome).toBe('synced');
    writeParagraph(c.doc, 'écrit par Carla');
    await acked(c);
    c.close();
    await erasePerson({ registrationId: carla.id });
    const [entry] = await listNoteHistory(`session:${s}`);
    expect(entry).toMatchObject({ authorName: '' });
    expect(entry!.actorKey).toMatch(/^erased:/);
    expect((await notesOf(s)).text).toBe('écrit par Carla');
  });

  it('refuses a bad token and a document that is not a session’s at authentication', async () => {
    expect(await editor(`session:${open}`, { token: 'not-a-token' }).outcome).toBe('unauthenticated');
    expect(await editor('anything-else', { token: alice.token }).outcome).toBe('not_found');
    expect(await editor(`session:${open}:other`, { token: alice.token }).outcome).toBe('not_found');
    expect(await editor('session:00000000-0000-4000-8000-000000000000', { token: alice.token }).outcome).toBe('not_found');
    // A notes token is bound to its session.
    const other = signNotesToken(guestsWrite, (await identityFromJoinToken(alice.token))!);
    expect(await editor(`session:${open}`, { token: other.token }).outcome).toBe('unauthenticated');
    expect(await editor(`session:${closed}`, { cookie: stranger.cookie }).outcome).toBe('forbidden');
  });

  it('lets readers who may not write read, and refuses their updates (a raw provider that writes anyway)', async () => {
    const name = `session:${open}`;
    const writer = editor(name, { token: alice.token });
    const outsider = editor(name, { cookie: stranger.cookie }); // signed in, not registered
    const guest = editor(name); // no cookie, no token
    expect(await Promise.all([writer.outcome, outsider.outcome, guest.outcome])).toEqual(['synced', 'synced', 'synced']);
    writeParagraph(outsider.doc, 'intrusion');
    writeParagraph(guest.doc, 'intrusion invitée');
    writeParagraph(writer.doc, 'après les intrus');
    await Promise.all([acked(writer), sees(outsider, 'après les intrus'), sees(guest, 'après les intrus')]);
    expect(outsider.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(guest.provider.unsyncedChanges).toBeGreaterThan(0);
    // Each editor is told at connection whether it may write.
    expect(JSON.parse(outsider.stateless[0]!)).toEqual({ type: 'notes:locked', locked: false, readOnly: true });
    expect(JSON.parse(writer.stateless[0]!)).toEqual({ type: 'notes:locked', locked: false, readOnly: false });
    expect(paragraphs(writer.doc)).not.toContain('intrusion');
    const stored = await notesOf(open);
    expect(stored.text).toContain('après les intrus');
    expect(stored.text).not.toContain('intrusion');
  });

  it('lets guests write where the session admits them (their signed guest cookie)', async () => {
    const cookie = `${GUEST_COOKIE}=${signGuestToken(newGuestIdentity(), guestSecret(config()))}`;
    const guest = editor(`session:${guestsWrite}`, { cookie });
    expect(await guest.outcome).toBe('synced');
    writeParagraph(guest.doc, 'une invitée écrit');
    await acked(guest);
    expect((await notesOf(guestsWrite)).text).toContain('une invitée écrit');
    expect((await listNoteHistory(`session:${guestsWrite}`))[0]!.authorName).toMatch(/^Invité·e /);
  });

  it('locked notes refuse writers but not moderators; unlocked, writers write again', async () => {
    const name = `session:${open}`;
    const writer = editor(name, { token: bob.token });
    const mod = editor(name, { cookie: moderator.cookie });
    expect(await Promise.all([writer.outcome, mod.outcome])).toEqual(['synced', 'synced']);
    expect(await setNotesLocked(await identityFromJoinToken(alice.token), open, true).catch((e: Error) => e.message)).toMatch(/moderators/);
    await setNotesLocked(moderator.identity, open, true);
    await until(() => writer.stateless.some((s) => s.includes('"locked":true')), 10_000, 'lock announced');
    writeParagraph(writer.doc, 'pendant le verrou');
    writeParagraph(mod.doc, 'la modération écrit');
    await Promise.all([acked(mod), sees(writer, 'la modération écrit')]);
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
    expect((await notesOf(open)).text).not.toContain('pendant le verrou');
    // A new connection while locked is read-only too.
    const late = editor(name, { token: alice.token });
    expect(await late.outcome).toBe('synced');
    await until(() => late.stateless.some((s) => s.includes('"locked":true')), 10_000, 'lock told at connection');
    await setNotesLocked(moderator.identity, open, false);
    const again = editor(name, { token: bob.token });
    expect(await again.outcome).toBe('synced');
    writeParagraph(again.doc, 'après le verrou');
    await acked(again);
    expect((await notesOf(open)).text).toContain('après le verrou');
  });

  it('restores a point of the history as a new change every editor converges on', async () => {
    const s = await seedSession(db.handle.db, { eventId, slug: 'notes-restore' });
    const name = `session:${s}`;
    const a = editor(name, { token: alice.token });
    const mod = editor(name, { cookie: moderator.cookie });
    expect(await Promise.all([a.outcome, mod.outcome])).toEqual(['synced', 'synced']);
    writeParagraph(a.doc, 'version une');
    await acked(a);
    const [point] = await listNoteHistory(name);
    writeParagraph(a.doc, 'version deux');
    await Promise.all([acked(a), sees(mod, 'version deux')]);
    expect(await setNotesLocked(null, s, true).catch((e: Error) => e.message)).toMatch(/moderators/);
    await expect(restoreNotes(await identityFromJoinToken(alice.token), s, point!.id)).rejects.toThrow(/moderators/);
    await expect(restoreNotes(moderator.identity, s, 999_999_999)).rejects.toThrow(/history/);
    await restoreNotes(moderator.identity, s, point!.id);
    await until(() => paragraphs(a.doc).join('|') === 'version une' && paragraphs(mod.doc).join('|') === 'version une', 10_000, 'restored');
    expect((await notesOf(s)).text).toBe('version une');
    expect((await listNoteHistory(name))[0]!.authorName).toBe('Modé Notes');
  });

  it('closes a connection that sends an oversized or malformed message; the document and others go on', async () => {
    const name = `session:${open}`;
    const good = editor(name, { token: alice.token });
    const bad = editor(name, { token: bob.token });
    expect(await Promise.all([good.outcome, bad.outcome])).toEqual(['synced', 'synced']);
    const socketOf = (e: Editor) => (e.socket as unknown as { webSocket: WebSocket }).webSocket;
    const closedWith = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
    // Garbage where an update should be.
    let ws = socketOf(bad);
    let closing = closedWith(ws);
    const e = encoding.createEncoder();
    encoding.writeVarString(e, name);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, new Uint8Array([200, 1, 255, 255, 255, 255, 15, 7, 7, 7]));
    ws.send(encoding.toUint8Array(e));
    expect(await closing).toBe(4400);
    // Over the message limit (256 KB).
    const big = editor(name, { token: bob.token });
    expect(await big.outcome).toBe('synced');
    ws = socketOf(big);
    closing = closedWith(ws);
    ws.send(new Uint8Array(300 * 1024));
    expect(await closing).toBe(1009);
    writeParagraph(good.doc, 'toujours là');
    await acked(good);
    expect((await notesOf(open)).text).toContain('toujours là');
  });

  it('refuses an update that would take a document over 2 MB, and keeps what it had', async () => {
    const s = await seedSession(db.handle.db, { eventId, slug: 'notes-huge' });
    const huge = editor(`session:${s}`, { token: alice.token });
    expect(await huge.outcome).toBe('synced');
    const ws = (huge.socket as unknown as { webSocket: WebSocket }).webSocket;
    const closing = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
    let written = 0;
    // 240 KB per update (under the message limit) until the state would pass 2 MB.
    for (let i = 0; i < 9; i++) {
      writeParagraph(huge.doc, String(i).repeat(240 * 1024));
      if (i < 8) {
        await acked(huge);
        written++;
      }
    }
    expect(await closing).toBe(4413);
    huge.close();
    const stored = await notesOf(s);
    expect(stored.text.split('\n')).toHaveLength(written);
  });

  it('answers a notes token to readers and refuses strangers', async () => {
    const call = (sessionId: string, bearer?: string) =>
      notesTokenRoute(new Request(`http://127.0.0.1/api/sessions/${sessionId}/notes/token`, { method: 'POST', headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }), {
        params: Promise.resolve({ sessionId }),
      });
    const res = await call(open, alice.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; access: string; expiresAt: string };
    expect(body.access).toBe('write');
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const e = editor(`session:${open}`, { token: body.token });
    expect(await e.outcome).toBe('synced');
    expect((await call(open, 'not-a-token')).status).toBe(401);
    expect((await call(closed, alice.token)).status).toBe(403);
    expect((await call('00000000-0000-4000-8000-000000000000', alice.token)).status).toBe(404);
    await expect(issueNotesToken(stranger.identity, closed)).rejects.toThrow(/participants/);
  });

  it('answers notes.md in Markdown to readers, 403 to others, 404 for no session', async () => {
    const get = (sessionId: string, bearer?: string) =>
      notesMarkdownRoute(new Request(`http://127.0.0.1/api/sessions/${sessionId}/notes.md`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }), {
        params: Promise.resolve({ sessionId }),
      });
    const res = await get(open, alice.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await res.text()).toContain('Alice écrit');
    expect((await get(closed, alice.token)).status).toBe(403);
    expect((await get('00000000-0000-4000-8000-000000000000', alice.token)).status).toBe(404);
  });

  it('keeps an acknowledged edit through a killed server process, and converges across processes with Redis', { timeout: 240_000 }, async () => {
    const redisUrl = requireEnv('REDIS_URL');
    const s = await seedSession(db.handle.db, { eventId, slug: 'notes-restart' });
    const name = `session:${s}`;
    const one = await spawnServer({ DATABASE_URL: db.url!, REDIS_URL: redisUrl });
    const two = await spawnServer({ DATABASE_URL: db.url!, REDIS_URL: redisUrl });
    try {
      const a = editor(name, { token: alice.token }, one.url.replace('http:', 'ws:'));
      const b = editor(name, { token: bob.token }, two.url.replace('http:', 'ws:'));
      expect(await Promise.all([a.outcome, b.outcome])).toEqual(['synced', 'synced']);
      writeParagraph(a.doc, 'processus un');
      writeParagraph(b.doc, 'processus deux');
      await Promise.all([sees(a, 'processus deux'), sees(b, 'processus un'), acked(a), acked(b)]);
      a.close();
      b.close();
      // Acknowledged, then both processes killed without a chance to store anything more.
      one.child.kill('SIGKILL');
      two.child.kill('SIGKILL');
      await Promise.all([one.exited, two.exited]);
      const three = await spawnServer({ DATABASE_URL: db.url! });
      try {
        const c = editor(name, { token: alice.token }, three.url.replace('http:', 'ws:'));
        expect(await c.outcome).toBe('synced');
        expect(paragraphs(c.doc).sort()).toEqual(['processus deux', 'processus un']);
      } finally {
        three.child.kill('SIGTERM');
        await three.exited;
      }
    } finally {
      for (const p of [one, two]) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    }
  });
});

describe('shared notes on PGlite: stored, and restored after a restart', () => {
  it('keeps an acknowledged edit when the server and the database are closed and opened again', { timeout: 240_000 }, async () => {
    const db = await useFreshDatabase('pglite');
    let handle = db.handle;
    let server = await startNotes();
    const editors: Editor[] = [];
    try {
      await seed(db.handle.db);
      const { eventId } = await demoLive();
      const s = await seedSession(db.handle.db, { eventId, slug: 'notes-pglite' });
      const alice = await registrant('Alice');
      const a = openEditor(server.url, `session:${s}`, { token: alice.token });
      editors.push(a);
      expect(await a.outcome).toBe('synced');
      writeParagraph(a.doc, 'sur PGlite');
      await acked(a);
      a.close();
      await server.close();
      await handle.close();
      handle = await openDatabase({ dataDir: db.dataDir! });
      setDatabase(Promise.resolve(handle));
      const [row] = await handle.db.select().from(sessionNotes).where(eq(sessionNotes.documentName, `session:${s}`));
      expect(row?.state?.length).toBeGreaterThan(0);
      server = await startNotes();
      const b = openEditor(server.url, `session:${s}`, { token: alice.token });
      editors.push(b);
      expect(await b.outcome).toBe('synced');
      expect(paragraphs(b.doc)).toEqual(['sur PGlite']);
    } finally {
      for (const e of editors) e.close();
      await server.close();
      await handle.close().catch(() => {});
      rmSync(db.dataDir!, { recursive: true, force: true });
    }
  });
});
