import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, functionSources, openDatabase } from '@/db/client';
import { mailsOf } from '@/db/queries/mail';
import { cancel, register } from '@/db/queries/registrations';
import { mailOutbox } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { registrationRequest } from '@/lib/domain/registration';
import { parseOutboxRow } from '@/lib/mail/outbox';
import { runMailWorkerOnce } from '@/server/mail/worker';
import { seedSession } from './factories';
import { freshPostgres, useFreshDatabase } from './support';

// db/functions/*.sql is the current source of every SQL function (db/functions/README.md): what
// the database runs after the migrations and these files is what the files say, applying them
// again changes nothing, and the mails the functions queue have their kinds' shapes
// (lib/mail/outbox.ts).

type Fn = { name: string; src: string; def: string };

/** The functions of the app's schema, those of extensions (unaccent) left out. */
async function liveFunctions(db: Db): Promise<Fn[]> {
  const res = await db.execute(sql`
    select p.proname as name, p.prosrc as src, pg_get_functiondef(p.oid) as def
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public'
       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
     order by 1, 3`);
  return (Array.isArray(res) ? res : (res as unknown as { rows: Fn[] }).rows) as Fn[];
}

/** Each function the files define: its name and its body (between `AS $$` and `$$`). */
function fileFunctions(): { name: string; src: string; file: string }[] {
  return functionSources().flatMap(({ file, sql: text }) =>
    [...text.matchAll(/CREATE OR REPLACE FUNCTION (?:public\.)?(\w+)\(.*?\bAS \$\$(.*?)\$\$/gs)].map((m) => ({ name: m[1]!, src: m[2]!, file })),
  );
}

describe.each(['postgres', 'pglite'] as const)('SQL functions from db/functions (%s)', (driver) => {
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  let reopen: () => ReturnType<typeof openDatabase>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (driver === 'postgres') {
      const pg = await freshPostgres();
      reopen = () => openDatabase({ databaseUrl: pg.url, dataDir: 'unused' });
      cleanup = pg.drop;
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'chemins-pglite-'));
      reopen = () => openDatabase({ dataDir: dir });
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    handle = await reopen();
  });
  afterAll(async () => {
    await handle?.close();
    await cleanup?.();
  });

  it('holds every live function, each as its file says, and nothing else', async () => {
    const files = fileFunctions();
    const live = await liveFunctions(handle.db);
    expect(files.length).toBeGreaterThan(10);
    // No function lives without a file, none is defined twice, every file's function lives.
    expect(live.map((f) => f.name).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(live.find((l) => l.name === f.name)?.src, `${f.name} (db/functions/${f.file})`).toBe(f.src);
    // Nothing but functions in the files: each statement replaces one.
    for (const { file, sql: text } of functionSources()) {
      const statements = text.replace(/\$\$.*?\$\$/gs, '$$$$').replace(/--.*$/gm, '').split(';').map((s) => s.trim()).filter(Boolean);
      for (const s of statements) expect(s, file).toMatch(/^CREATE OR REPLACE FUNCTION /);
    }
  });

  it('applies them again at every start: a function changed by hand is put back, the others do not change', async () => {
    const before = await liveFunctions(handle.db);
    await handle.db.execute(
      sql.raw(`CREATE OR REPLACE FUNCTION registration_refusal(p_status int, p_code text, p_message text, p_fields jsonb DEFAULT NULL)
               RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT '{}'::jsonb $$`),
    );
    expect(await liveFunctions(handle.db)).not.toEqual(before);
    if (driver === 'pglite') {
      await handle.close(); // PGlite has one owner
      handle = await reopen();
    } else {
      // Two processes starting at once: migrations and functions one after the other (advisory lock).
      const [a, b] = await Promise.all([reopen(), reopen()]);
      await Promise.all([a.close(), b.close()]);
    }
    expect(await liveFunctions(handle.db)).toEqual(before);
  });
});

describe('the mails the SQL functions queue, parsed with their kinds’ schemas', () => {
  let fresh: Awaited<ReturnType<typeof useFreshDatabase>>;
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  let sessionId: string;
  const reg = (email: string) => registrationRequest.parse({ name: email.split('@')[0], email, sessionIds: [sessionId], consent: true });

  beforeAll(async () => {
    fresh = await useFreshDatabase('postgres');
    handle = fresh.handle;
    const eventId = (await seed(handle.db)).demoEventId;
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    const endsAt = new Date(startsAt.getTime() + 3600_000);
    sessionId = await seedSession(handle.db, { eventId, slug: 'atelier-formes', title: 'Atelier des formes', kind: 'workshop', mode: 'onsite', capacity: 1, startsAt, endsAt });
  });
  afterAll(async () => {
    await fresh?.close();
  });

  it('confirmation, the link mailed again, promotion: every row parses', async () => {
    const a = await register(DEMO_EVENT_SLUG, reg('ana@formes.test'));
    await register(DEMO_EVENT_SLUG, reg('ana@formes.test')); // a repeat: the link mailed again
    const b = await register(DEMO_EVENT_SLUG, reg('bea@formes.test')); // waitlisted
    await cancel(a.registration.joinToken, sessionId); // b promoted
    const rows = [...(await mailsOf(a.registration.id)), ...(await mailsOf(b.registration.id))];
    expect(rows.map((r) => r.kind).sort()).toEqual(['confirmation', 'confirmation', 'confirmation', 'promotion']);
    for (const row of rows) expect(parseOutboxRow(row), `${row.kind} ${row.dedupeKey}`).toMatchObject({ ok: true });
    const promotion = rows.find((r) => r.kind === 'promotion')!;
    expect(parseOutboxRow(promotion)).toMatchObject({ ok: true, mail: { refs: { registrationId: b.registration.id, sessionId } } });
  });

  it('marks a row that does not parse failed at once, with why, and goes on with the others', async () => {
    const [bad] = await handle.db.insert(mailOutbox).values({ kind: 'call_mail', dedupeKey: 'bad:call', payload: { to: 'x@formes.test' } }).returning();
    const [orphan] = await handle.db.insert(mailOutbox).values({ kind: 'resource_outcome', dedupeKey: 'bad:outcome', payload: null }).returning();
    const [ghost] = await handle.db.insert(mailOutbox).values({ kind: 'promotion', dedupeKey: 'bad:promotion', registrationId: (await register(DEMO_EVENT_SLUG, reg('cid@formes.test'))).registration.id }).returning();
    expect(await runMailWorkerOnce()).toBeGreaterThan(0); // the good ones are sent (to the log: no SMTP_URL)
    const byId = async (id: string) => (await handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0]!;
    expect(await byId(bad!.id)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('invalid call_mail mail payload') });
    expect(await byId(orphan!.id)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('invalid resource_outcome mail columns') });
    expect(await byId(ghost!.id)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('invalid promotion mail columns') });
    // Never retried: another pass leaves them as they are.
    await runMailWorkerOnce(new Date(Date.now() + 86_400_000));
    expect((await byId(bad!.id)).attempts).toBe(1);
    const pending = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.status, 'pending'));
    expect(pending).toEqual([]);
  });
});
