import { copyDemoReplayFile } from '@/db/seed/replays';
import { replaysDir } from '@/server/media/recording';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import next from 'next';
import pino from 'pino';
import { DatabaseStartError, openDatabase, setDatabase } from '@/db/client';
import { seed } from '@/db/seed';
import { ConfigError, listenHost, mailState, parseConfig, publicUrl } from '@/lib/config';
import { LOG_REDACT, LOG_SERIALIZERS, logger, setLogger } from '@/lib/logger';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from '@/lib/security/headers';
import { compositeLivekitUrl } from '@/lib/domain/composite';
import { setupLivekit, stopLivekit } from '@/server/media/livekit';
import { stopAllRecognition } from '@/server/asr/sessions';
import { createGuard } from './http/guard';
import { createRateLimiter, rateLimitSettings, setRateLimiter } from './http/rate-limit';
import { handleRegistrations } from './http/registrations';
import { startBadgeWorker } from './badges/worker';
import { startMailWorker } from '@/server/mail/worker';
import { startAttachmentPurge } from '@/server/jobs/attachment-purge';
import { startRetentionWorker } from '@/server/jobs/retention';
import { startAfterSessionWorker } from '@/server/jobs/after-session';
import { attachRealtime } from './realtime';
import { attachNotes } from './notes/server';
import { isNotesUrl } from '@/lib/domain/notes';

const startedAt = performance.now();

function fail(message: string): never {
  process.stderr.write(`\nChemins cannot start.\n${message}\n\n`);
  process.exit(1);
}

let cfg: ReturnType<typeof parseConfig>;
try {
  cfg = parseConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) fail(err.message);
  throw err;
}
(globalThis as unknown as { __cheminsConfig?: unknown }).__cheminsConfig = cfg;
process.env.NEXTAUTH_URL ??= publicUrl();
// Next's anonymous telemetry stays off unless the person running the server turns it on.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

if (cfg.NODE_ENV === 'development' && process.stdout.isTTY) {
  const { default: pretty } = await import('pino-pretty');
  setLogger(pino({ level: cfg.LOG_LEVEL, serializers: LOG_SERIALIZERS, redact: LOG_REDACT }, pretty({ colorize: true, ignore: 'pid,hostname,app' })));
} else {
  setLogger(pino({ level: cfg.LOG_LEVEL, base: { app: 'chemins' }, serializers: LOG_SERIALIZERS, redact: LOG_REDACT }));
}
const log = logger();

if (mailState(cfg) === 'unavailable') {
  // Started anyway (the programme, live rooms and replays work), but nobody can receive a sign-in
  // or personal link: said loudly here, on /api/health (`mail: "unavailable"`) and on the pages.
  log.warn(
    { mail: 'unavailable' },
    'NO OUTGOING MAIL: SMTP_URL is not set. Sign-in links, personal links and confirmations cannot be sent; set SMTP_URL (docs/deployment.md).',
  );
}

let dbHandle: Awaited<ReturnType<typeof openDatabase>>;
try {
  dbHandle = await openDatabase({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.DATA_DIR });
} catch (err) {
  if (err instanceof DatabaseStartError) fail(err.message);
  throw err;
}
setDatabase(Promise.resolve(dbHandle));
log.info({ driver: dbHandle.driver }, 'database ready (migrations applied)');

if (cfg.SEED_DEMO === '1') {
  const result = await seed(dbHandle.db);
  await copyDemoReplayFile(replaysDir());
  log.info(result, 'demo data seeded');
}

const livekit = await setupLivekit(cfg);
const limiter = await createRateLimiter(rateLimitSettings(cfg));
setRateLimiter(limiter);

const dev = cfg.NODE_ENV !== 'production';
// Next attaches an 'upgrade' listener to `httpServer` (or to the request's server) on the first
// request, and would then answer every upgrade, Socket.IO's included. Give it a private emitter
// and forward to it only the upgrades that are not Socket.IO's (Next's HMR socket in development).
const nextUpgrades = new EventEmitter();
const app = next({ dev, hostname: 'localhost', port: cfg.PORT, httpServer: nextUpgrades as unknown as Server });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

const guard = createGuard({ publicOrigin: new URL(publicUrl()).origin, trustProxy: cfg.TRUST_PROXY === '1' });

/**
 * Security headers on every answer (docs/deployment.md). The CSP's nonce is new for each request;
 * Next reads it from the request's `content-security-policy` header and puts it on its scripts.
 */
function secure(req: IncomingMessage, res: ServerResponse) {
  const csp = contentSecurityPolicy({ nonce: randomBytes(16).toString('base64'), livekitUrl: livekit?.publicUrl, egressLivekitUrl: compositeLivekitUrl(req.url), dev });
  req.headers['content-security-policy'] = csp;
  res.setHeader('content-security-policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
}

async function serve(req: IncomingMessage, res: ServerResponse) {
  secure(req, res);
  if (await guard(req, res)) return;
  if (handleRegistrations(req, res)) return;
  await handle(req, res);
}

const server = createServer((req, res) => {
  serve(req, res).catch((err: unknown) => {
    log.error({ err, url: req.url }, 'request failed');
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end('Internal error');
    }
  });
});
const realtime = await attachRealtime(server, { redisUrl: cfg.REDIS_URL });
const notes = await attachNotes(server, { redisUrl: cfg.REDIS_URL });
server.on('upgrade', (req, socket, head) => {
  if (req.url?.startsWith('/socket.io/')) return; // handled by Socket.IO's own listener
  if (isNotesUrl(req.url)) return; // the shared notes' (server/notes)
  if (nextUpgrades.listenerCount('upgrade') > 0) nextUpgrades.emit('upgrade', req, socket, head);
  else void upgrade(req, socket, head);
});

const stopMailWorker = startMailWorker(cfg.MAIL_POLL_MS);
const stopAfterSessionWorker = startAfterSessionWorker(cfg.MAIL_POLL_MS);
const stopBadgeWorker = cfg.BADGE_AWARD_POLL_MS > 0 ? startBadgeWorker(cfg.BADGE_AWARD_POLL_MS) : () => {};
const stopRetentionWorker = cfg.RETENTION_POLL_MS > 0 ? startRetentionWorker(cfg.RETENTION_POLL_MS, cfg.RETENTION_MONTHS) : () => {};
const stopAttachmentPurge = cfg.ATTACHMENT_PURGE_POLL_MS > 0 ? startAttachmentPurge(cfg.ATTACHMENT_PURGE_POLL_MS, cfg.ATTACHMENT_ORPHAN_HOURS) : () => {};

server.listen(cfg.PORT, listenHost(cfg), () => {
  log.info(
    { url: publicUrl(), host: listenHost(cfg), port: cfg.PORT, ms: Math.round(performance.now() - startedAt), dev },
    `Chemins ready on ${publicUrl()} (listening on ${listenHost(cfg)}:${cfg.PORT})`,
  );
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(0), 8000);
  force.unref();
  stopMailWorker();
  stopAfterSessionWorker();
  stopBadgeWorker();
  stopRetentionWorker();
  stopAttachmentPurge();
  await notes.close().catch(() => {});
  await realtime.close().catch(() => {});
  await limiter.close();
  server.close();
  await stopAllRecognition().catch(() => {});
  stopLivekit();
  await dbHandle.close().catch(() => {});
  await app.close?.().catch?.(() => {});
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
