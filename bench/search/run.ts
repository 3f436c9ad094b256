// bench/search: full-text search over 10,000 resources of French and English text, through
// `GET /api/search` of the running app, beside the same tsvector query run bare on the same
// database (postgres.js, a prepared statement: match on the GIN index, rank, top 20), side by
// side in one run. Rounds alternate (bare first, then app first…) because this machine's speed
// drifts; one request at a time on each side (latency, not throughput). Prints p50/p95 per side
// and the ratio of the p95s. Target: app p95 under 50 ms, and within 2× of the bare query.
//
//   DATABASE_URL=postgres://…/fresh_db npx tsx bench/search/run.ts
//   (the built app is started on that database: `npm run build` first; BENCH_URL to use an app
//    already running on it; BENCH_APP=handler serves the route handler of app/api/search/route.ts
//    on node:http in this process instead (the same code, without Next's router: for a checkout
//    whose build is older than its search code); BENCH_RESOURCES (10000), BENCH_QUERIES per
//    round and side (300), BENCH_ROUNDS (4).)
import { createServer } from 'node:http';
import postgres from 'postgres';
import { Pool } from 'undici';
import { CONNECTION_SETTINGS, openDatabase, setDatabase } from '../../db/client';
import { seed } from '../../db/seed';
import { percentile, startApp } from '../support';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('Set DATABASE_URL (a fresh database).');
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);

// ---------------------------------------------------------------- realistic text, deterministic

let state = 42;
const rand = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

// Each resource is about one theme (as on a path): its sentences draw mostly on that theme's
// phrases, then on phrases shared by all; so a specific term is in a few percent of resources and
// a common one ("habitants", "coopération") in many, as in a real collection.
const THEMES_FR: string[][] = [
  ['des low-tech réparables', 'un four solaire', 'des toilettes sèches', 'la sobriété numérique', 'le reconditionnement des ordinateurs', 'un atelier vélo', 'des éoliennes artisanales', 'la récupération de l’eau de pluie', 'un chauffe-eau solaire', 'des serveurs mutualisés', 'un frigo du désert', 'des objets réparables', 'une maison bioclimatique', 'le réemploi des matériaux', 'des capteurs libres'],
  ['une fabcity', 'des ressourceries', 'la fabrication numérique', 'des découpeuses laser', 'un réseau de fablabs', 'la production locale', 'des imprimantes 3D', 'le mobilier urbain', 'des filières de réemploi', 'des micro-usines', 'la logistique de quartier', 'des chantiers participatifs', 'la résilience urbaine', 'des tiers-lieux productifs', 'le bois de récupération'],
  ['une épicerie coopérative', 'des circuits courts', 'une légumerie partagée', 'des AMAP', 'la restauration scolaire', 'des maraîchers bio', 'un marché de producteurs', 'la vente directe', 'des semences paysannes', 'une cuisine centrale', 'l’autonomie alimentaire', 'des jardins familiaux', 'un abattoir mobile', 'les produits de saison', 'un drive fermier'],
  ['des permanences numériques', 'la médiation numérique', 'l’accès aux droits', 'des démarches en ligne', 'un pass numérique', 'des ordinateurs reconditionnés', 'l’illectronisme', 'des ateliers seniors', 'un espace public numérique', 'la fracture numérique', 'des aidants numériques', 'l’accessibilité des services', 'des tablettes prêtées', 'un centre social', 'la lutte contre l’isolement'],
  ['des séquences pédagogiques', 'l’école dehors', 'des classes coopératives', 'la pédagogie de projet', 'des éco-délégués', 'l’évaluation par compétences', 'des ressources éducatives libres', 'la formation des enseignants', 'des sorties de terrain', 'un potager scolaire', 'des débats philosophiques', 'le conseil d’élèves', 'des cartes mentales', 'un MOOC sur les transitions', 'des visites croisées'],
  ['des visières de protection', 'des respirateurs open source', 'des pousse-seringues', 'la santé communautaire', 'des soignants makers', 'la documentation médicale ouverte', 'un jardin thérapeutique', 'la télémédecine', 'des maisons de santé', 'la prévention', 'des masques en tissu', 'la validation hospitalière', 'des prothèses imprimées', 'la santé environnementale', 'des données de santé'],
  ['un atlas de la biodiversité', 'une zone humide', 'des haies bocagères', 'un plan climat', 'des sciences participatives', 'les pollinisateurs', 'des mares restaurées', 'la trame verte et bleue', 'des îlots de fraîcheur', 'la renaturation des cours', 'des inventaires naturalistes', 'le bilan carbone', 'les espèces invasives', 'des corridors écologiques', 'l’adaptation au changement climatique'],
];
const THEMES_EN: string[][] = [
  ['low-tech repairs', 'solar cookers', 'refurbished computers', 'rainwater harvesting'],
  ['open fabrication', 'makerspaces', 'local manufacturing', 'reuse networks'],
  ['a cooperative grocery', 'short food supply chains', 'school canteens', 'farmers’ markets'],
  ['digital inclusion desks', 'online public services', 'digital mediators', 'lent tablets'],
  ['outdoor schooling', 'open educational resources', 'teacher training', 'school gardens'],
  ['open hardware for hospitals', 'face shields', 'community health', 'open medical documentation'],
  ['a biodiversity atlas', 'wetland restoration', 'hedgerows', 'a participatory climate plan'],
];
const GENERAL_FR = ['la coopération entre structures', 'les communs numériques', 'un budget participatif', 'la documentation partagée', 'les élus locaux', 'des bénévoles', 'une convention de partenariat'];
const GENERAL_EN = ['open cooperation', 'shared documentation', 'local councillors', 'volunteers'];
const SUBJECTS_FR = ['Le collectif', 'La médiathèque', 'Une association de quartier', 'Le fablab', 'La métropole', 'Une école', 'Le centre social', 'Une coopérative', 'Le tiers-lieu', 'Un groupe d’habitants', 'La communauté de communes', 'Un réseau', 'La mairie', 'Une entreprise d’insertion'];
const VERBS_FR = ['documente', 'partage', 'expérimente', 'accompagne', 'organise', 'cartographie', 'répare', 'anime', 'finance', 'évalue', 'relie', 'présente', 'développe', 'interroge'];
const TAILS_FR = ['avec les habitants.', 'en coopération ouverte avec d’autres territoires.', 'pendant toute l’année.', 'sous licence libre.', 'pour que personne ne reste à l’écart.', 'avec les services techniques.', 'depuis le printemps 2020.', 'à l’échelle du quartier.', 'en lien avec le forum.', 'sans moyens supplémentaires.'];
const SUBJECTS_EN = ['The collective', 'A neighbourhood association', 'The makerspace', 'The city council', 'A school', 'A cooperative', 'A group of residents', 'The public library'];
const VERBS_EN = ['documents', 'shares', 'tests', 'supports', 'organises', 'maps', 'repairs', 'runs', 'funds', 'evaluates'];
const TAILS_EN = ['with residents.', 'in open cooperation with other regions.', 'all year round.', 'under a free licence.', 'so that nobody is left behind.', 'since spring 2020.'];

function sentence(theme: number, en: boolean) {
  const own = (en ? THEMES_EN : THEMES_FR)[theme]!;
  const r = rand();
  const object = r < 0.7 ? pick(own) : r < 0.8 ? pick(pick(en ? THEMES_EN : THEMES_FR)) : pick(en ? GENERAL_EN : GENERAL_FR);
  return en ? `${pick(SUBJECTS_EN)} ${pick(VERBS_EN)} ${object} ${pick(TAILS_EN)}` : `${pick(SUBJECTS_FR)} ${pick(VERBS_FR)} ${object} ${pick(TAILS_FR)}`;
}
function paragraph(theme: number, en: boolean, n: number) {
  return Array.from({ length: n }, () => sentence(theme, en)).join(' ');
}

const QUERIES_FR = ['sante', 'coopératives', 'coopération ouverte', 'jardin thérapeutique', 'épicerie', 'biodiversité', 'réparables', 'numerique', 'circuits courts', 'zone humide', 'ecole dehors', 'visieres', 'plan climat', 'habitants', 'ressources éducatives libres', 'sobriete', 'legumerie', 'tiers-lieux', 'soignants', 'atlas', 'fablabs', 'permanences', 'pollinisateurs', 'imprimantes 3D'];
const QUERIES_EN = ['repairs', 'community health', 'climate plan', 'hospitals', 'wetland', 'cooperative grocery', 'residents', 'digital inclusion', 'teacher training', 'makerspace'];
const QUERIES_ALL = [...QUERIES_FR, ...QUERIES_EN];

// ---------------------------------------------------------------- data

async function fill(sql: postgres.Sql) {
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from resources where slug like 'bench-%'`;
  if (n >= RESOURCES) return;
  const paths = await sql<{ id: string }[]>`select id from paths order by slug`;
  const formats = ['replay', 'initiative', 'meeting_report', 'interview', 'territorial_strategy', 'creation', 'remote_visit', 'document', 'link'];
  const licences = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'all-rights-reserved'];
  const batch = 500;
  for (let start = n; start < RESOURCES; start += batch) {
    const rows = Array.from({ length: Math.min(batch, RESOURCES - start) }, (_, k) => {
      const i = start + k;
      const en = i % 5 === 0;
      const theme = i % paths.length;
      return {
        slug: `bench-${i}`,
        title: sentence(theme, en).replace(/\.$/, ''),
        summary: paragraph(theme, en, 2),
        body: `${paragraph(theme, en, 4)}\n\n${paragraph(theme, en, 3)}`,
        format: formats[i % formats.length]!,
        language: en ? 'en' : 'fr',
        licence: licences[i % licences.length]!,
        status: 'published',
        published_at: new Date(Date.UTC(2021, 0, 1) + i * 3600_000),
      };
    });
    const inserted = await sql<{ id: string }[]>`insert into resources ${sql(rows)} returning id`;
    const links = inserted.map((r, k) => ({ resource_id: r.id, path_id: paths[(start + k) % paths.length]!.id, position: start + k }));
    await sql`insert into resource_paths ${sql(links)}`;
  }
  await sql`analyze resources`;
  await sql`analyze resource_paths`;
}

// ---------------------------------------------------------------- measure

let pool: Pool | undefined;
async function getJson(url: string): Promise<{ status: number; results: number }> {
  const u = new URL(url);
  pool ??= new Pool(u.origin, { connections: 1 });
  const res = await pool.request({ path: `${u.pathname}${u.search}`, method: 'GET' });
  const body = (await res.body.json()) as { results?: unknown[] };
  return { status: res.statusCode, results: body.results?.length ?? 0 };
}

async function timed(n: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await task(i);
    out.push(performance.now() - t);
  }
  return out;
}

const handle = await openDatabase({ databaseUrl: DATABASE_URL, dataDir: 'unused' });
setDatabase(Promise.resolve(handle));
await seed(handle.db);
if (process.env.BENCH_APP !== 'handler') await handle.close();
const sql = postgres(DATABASE_URL, { max: 2, onnotice: () => {}, connection: CONNECTION_SETTINGS });
const t0 = performance.now();
await fill(sql);
console.log(`data: ${RESOURCES} resources (1 in 5 in English) ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

/** The search route handler on node:http (BENCH_APP=handler). */
async function startHandler(): Promise<{ url: string; stop: () => void }> {
  process.env.DATABASE_URL = DATABASE_URL;
  const { GET } = await import('../../app/api/search/route');
  const server = createServer((req, res) => {
    GET(new Request(`http://127.0.0.1${req.url}`))
      .then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await r.arrayBuffer()));
      })
      .catch((err) => {
        res.writeHead(500);
        res.end(String(err));
      });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, stop: () => server.close() };
}

const mode = process.env.BENCH_APP === 'handler' ? 'route handler on node:http' : process.env.BENCH_URL ? `app at ${process.env.BENCH_URL}` : 'built app (server/index.ts)';
const app = process.env.BENCH_APP === 'handler' ? await startHandler() : await startApp();
console.log(`app side: ${mode}; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
try {
  const bare = async (q: string) => {
    await sql`select r.slug from resources r, public.chemins_search_query(${q}) tsq
               where r.search @@ tsq and r.status = 'published'
               order by ts_rank(r.search, tsq) desc limit 20`;
  };
  const viaApp = async (q: string) => {
    const res = await getJson(`${app.url}/api/search?q=${encodeURIComponent(q)}`);
    if (res.status !== 200) throw new Error(`GET /api/search answered ${res.status}`);
  };
  // Warm-up: both sides, every query.
  for (const q of QUERIES_ALL) {
    await bare(q);
    await viaApp(q);
  }
  const sides = { bare: [] as number[], app: [] as number[] };
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const run = async (side: 'bare' | 'app') => {
      const xs = await timed(QUERIES, (i) => (side === 'bare' ? bare : viaApp)(QUERIES_ALL[i % QUERIES_ALL.length]!));
      sides[side].push(...xs);
      return xs.sort((a, b) => a - b);
    };
    const order: ('bare' | 'app')[] = round % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
    const got: Record<string, number[]> = {};
    for (const side of order) got[side] = await run(side);
    const r = percentile(got.app!, 95) / percentile(got.bare!, 95);
    ratios.push(r);
    console.log(`round ${round + 1} (${order.join(' then ')}): bare p95 ${percentile(got.bare!, 95).toFixed(2)} ms, app p95 ${percentile(got.app!, 95).toFixed(2)} ms, ratio ${r.toFixed(2)}`);
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const b = sorted(sides.bare);
  const a = sorted(sides.app);
  const medianRatio = sorted(ratios)[Math.floor(ratios.length / 2)]!;
  const sample = await getJson(`${app.url}/api/search?q=${encodeURIComponent('coopération ouverte')}`);
  console.log(`\nqueries: ${QUERIES_ALL.length} distinct (French, English, one and two words), ${QUERIES * ROUNDS} per side, one at a time`);
  console.log(`bare tsvector query (postgres.js, prepared): p50 ${percentile(b, 50).toFixed(2)} ms, p95 ${percentile(b, 95).toFixed(2)} ms`);
  console.log(`GET /api/search (HTTP, paths + resources + sessions, snippets): p50 ${percentile(a, 50).toFixed(2)} ms, p95 ${percentile(a, 95).toFixed(2)} ms`);
  console.log(`p95 ratio app / bare: ${(percentile(a, 95) / percentile(b, 95)).toFixed(2)} overall, median of rounds ${medianRatio.toFixed(2)}`);
  console.log(`target: app p95 < 50 ms (${percentile(a, 95) < 50 ? 'met' : 'NOT met'}), within 2× of bare (${medianRatio <= 2 ? 'met' : 'NOT met'}); sample “coopération ouverte”: ${sample.results} results`);
} finally {
  app.stop();
  await pool?.close();
  await sql.end();
  if (process.env.BENCH_APP === 'handler') await handle.close();
}
