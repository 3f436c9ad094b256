// The API contract check (docs/api.md, "Checking the contract"): starts the production build on a
// fresh database of its own, seeds what authenticated operations need (an admin's next-auth
// database session, a registration's personal link, known ids), then runs schemathesis with every
// check against the running app's /api/openapi.json (settings: schemathesis.toml). Exit code: schemathesis's.
//
//   npx tsx scripts/api-contract.ts            (after `npm run build`: the compiled server, dist/server; DATABASE_URL: a Postgres server)
//
// Environment: DATABASE_URL (its server gets a database `<name>_contract`, recreated each run),
// REDIS_URL and LIVEKIT_* as for the app, SCHEMATHESIS (the `st` command; scripts/test-all.sh
// installs a pinned one into .cache/), CONTRACT_MAX_EXAMPLES (per operation, default 30).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import postgres from 'postgres';
import { PRODUCTION_NODE_FLAGS } from '../server/node-flags';

const ROOT = new URL('..', import.meta.url).pathname;
const st = process.env.SCHEMATHESIS ?? 'st';
const maxExamples = process.env.CONTRACT_MAX_EXAMPLES ?? '30';

if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must name a Postgres server (the check makes a database of its own on it).');
const base = new URL(process.env.DATABASE_URL);
const dbName = `${base.pathname.slice(1) || 'chemins'}_contract`;
const dbUrl = Object.assign(new URL(base), { pathname: `/${dbName}` }).toString();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function recreateDatabase() {
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.unsafe(`create database "${dbName}"`);
  await admin.end();
}

async function waitFor(url: string, server: ChildProcess, seconds: number) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the app exited (${server.exitCode}) before answering`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

/** What authenticated and parameterised operations need, as environment variables for schemathesis.toml. */
async function seed(origin: string): Promise<Record<string, string>> {
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  // An admin (who may do everything an organizer or coordinator may) with a database session.
  const [user] = await sql<{ id: string }[]>`
    insert into users (id, email, name) values (${crypto.randomUUID()}, 'api-contract@chemins.test', 'API contract')
    on conflict (email) do update set name = excluded.name returning id`;
  await sql`insert into role_grants (user_id, role) values (${user!.id}, 'admin') on conflict do nothing`;
  const sessionToken = randomBytes(24).toString('hex');
  await sql`insert into sessions (session_token, user_id, expires) values (${sessionToken}, ${user!.id}, now() + interval '1 day')`;
  // The demo edition's sessions (one of them live now), and a registration with its personal link.
  const [event] = await fetch(`${origin}/api/events`).then((r) => r.json() as Promise<{ slug: string }[]>).then((l) => l.filter((e) => e.slug === 'edition-demo'));
  if (!event) throw new Error('the demo edition is missing');
  const sessions = (await fetch(`${origin}/api/events/${event.slug}/sessions`).then((r) => r.json())) as { id: string; visibility: string; live: boolean }[];
  const session = sessions.find((s) => s.live && s.visibility === 'public') ?? sessions[0]!;
  const reg = await fetch(`${origin}/api/events/${event.slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'API contract', email: 'api-contract-registrant@chemins.test', consent: true, sessionIds: [session.id] }),
  });
  if (reg.status !== 201) throw new Error(`registration: ${reg.status} ${await reg.text()}`);
  const { joinToken } = (await reg.json()) as { joinToken: string };
  // A second registrant, whom POST /api/me/erase erases (by its personal link, schemathesis.toml):
  // without it the operation erases whoever its credentials name, the admin above included.
  const toErase = await fetch(`${origin}/api/events/${event.slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'API contract erased', email: 'api-contract-erase@chemins.test', consent: true, sessionIds: [session.id] }),
  });
  if (toErase.status !== 201) throw new Error(`registration: ${toErase.status} ${await toErase.text()}`);
  const { joinToken: eraseToken } = (await toErase.json()) as { joinToken: string };
  // A path with a published resource.
  const [resource] = await sql<{ id: string; slug: string }[]>`
    select r.id, p.slug from resources r join resource_paths rp on rp.resource_id = r.id join paths p on p.id = rp.path_id
    where r.status = 'published' and p.status = 'active' order by p.slug, rp.position limit 1`;
  if (!resource) throw new Error('no published resource on an active path');
  // A digest subscription (its unsubscribe token), a grant to revoke, an uploaded file.
  const [path] = await sql<{ id: string }[]>`select id from paths where slug = ${resource.slug}`;
  const [subscription] = await sql<{ token: string }[]>`
    insert into path_subscriptions (path_id, email, locale, token) values (${path!.id}, 'api-contract-digest@chemins.test', 'fr', ${randomBytes(24).toString('hex')})
    returning token`;
  // Speakers are granted per session (docs/security.md § Policy).
  const [grant] = await sql<{ id: string }[]>`
    insert into role_grants (user_id, role, event_id, session_id)
    select ${user!.id}, 'speaker', event_id, id from programme_sessions where id = ${session.id} returning id`;
  const form = new FormData();
  form.append('file', new File(['Compte rendu de la séance.\n'], 'compte-rendu.txt', { type: 'text/plain' }));
  const upload = await fetch(`${origin}/api/attachments`, { method: 'POST', headers: { cookie: `next-auth.session-token=${sessionToken}` }, body: form });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  const { data: attachment } = (await upload.json()) as { data: { id: string } };
  // An open call for proposals (the demo's).
  const [call] = await sql<{ slug: string }[]>`select slug from calls where visibility = 'open' order by created_at limit 1`;
  if (!call) throw new Error('the demo call for proposals is missing');
  // A demo badge's credential and the demo endorsement (db/seed/data/badges.ts).
  const [credential] = await sql<{ id: string }[]>`select id from badge_awards where credential is not null order by created_at limit 1`;
  const [endorsement] = await sql<{ id: string }[]>`select id from badge_endorsements order by created_at limit 1`;
  if (!credential || !endorsement) throw new Error('the demo badges are missing');
  await sql.end();
  return {
    CONTRACT_CALL: call.slug,
    CONTRACT_CREDENTIAL_ID: credential.id,
    CONTRACT_ENDORSEMENT_ID: endorsement.id,
    CONTRACT_SESSION_COOKIE: sessionToken,
    CONTRACT_JOIN_TOKEN: joinToken,
    CONTRACT_ERASE_TOKEN: eraseToken,
    CONTRACT_EVENT: event.slug,
    CONTRACT_SESSION_ID: session.id,
    CONTRACT_PATH: resource.slug,
    CONTRACT_RESOURCE_ID: resource.id,
    CONTRACT_UNSUBSCRIBE_TOKEN: subscription!.token,
    CONTRACT_GRANT_ID: grant!.id,
    CONTRACT_ATTACHMENT_ID: attachment.id,
  };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env, cwd: ROOT });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', (err) => {
      console.error(err.message);
      resolve(1);
    });
  });
}

await recreateDatabase();
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, 'dist/server/index.mjs'], {
  cwd: ROOT,
  detached: true, // its own process group, stopped as a whole below
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: origin,
    DATABASE_URL: dbUrl,
    NEXTAUTH_SECRET: 'api-contract-secret-0123456789',
    BADGE_KEY_SECRET: 'api-contract-badge-key-secret-0123456789',
    LOG_LEVEL: 'error',
    // schemathesis sends thousands of writes from one address: the limits themselves are tested in
    // test/integration/security.test.ts, not here.
    RATE_LIMIT_WRITES_PER_ADDRESS: '1000000',
    RATE_LIMIT_REGISTRATIONS_PER_ADDRESS: '1000000',
    RATE_LIMIT_REGISTRATIONS_PER_EMAIL: '1000000',
    RATE_LIMIT_GUESTS_PER_ADDRESS: '1000000',
  },
});
const stop = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stop);
let code = 1;
try {
  await waitFor(`${origin}/api/health`, server, 120);
  const env = { ...process.env, ...(await seed(origin)) };
  const started = Date.now();
  // One worker: Python 3.11's `ast` is not thread-safe ("AST constructor recursion depth mismatch",
  // CPython gh-106905), and Hypothesis parses lambdas with it while two workers draw.
  code = await run(st, ['run', `${origin}/api/openapi.json`, '--checks', 'all', '--max-examples', maxExamples, '--workers', '1', '--no-shrink'], env);
  console.log(`schemathesis: exit ${code} in ${Math.round((Date.now() - started) / 1000)} s`);
  // The credentials every other operation uses outlived the run (POST /api/me/erase erased its own registrant).
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  const [kept] = await sql<{ admin: number; registrant: number; erased: number }[]>`
    select (select count(*) from users where email = 'api-contract@chemins.test')::int as admin,
           (select count(*) from registrations where email = 'api-contract-registrant@chemins.test')::int as registrant,
           (select count(*) from registrations where email = 'api-contract-erase@chemins.test')::int as erased`;
  await sql.end();
  console.log(`credentials after the run: admin ${kept!.admin}, registrant ${kept!.registrant}, registrant to erase ${kept!.erased} (erased: 0)`);
  if (kept!.admin !== 1 || kept!.registrant !== 1) {
    console.error('the contract run erased the credentials it tests with');
    code = code || 1;
  }
} finally {
  stop();
}
process.exit(code);
