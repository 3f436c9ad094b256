import { z } from 'zod';

/**
 * Runtime configuration, read once from the environment and validated with zod.
 * A bad value stops start-up with a message naming the variable (see server/index.ts).
 */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalUrl = (protocols: string[]) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url()
      .refine((v) => protocols.some((p) => v.startsWith(`${p}://`)), {
        message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
      })
      .optional(),
  );

const minutes = z.coerce.number({ message: 'must be a number of minutes' }).int().min(0).max(1440);
/** A rate limit: requests allowed per window, 0 for none. */
const perWindow = z.coerce.number({ message: 'must be a whole number (0 for no limit)' }).int().min(0).max(10_000_000);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number({ message: 'must be a port number (0–65535)' }).int().min(0).max(65535).default(3000),
    /** Unset: 127.0.0.1 in development (nobody else on the network reaches a dev server), 0.0.0.0 in production. */
    HOST: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
    PUBLIC_URL: optionalUrl(['http', 'https']),
    DATA_DIR: z.string().min(1).default('./.data'),
    DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
    REDIS_URL: optionalUrl(['redis', 'rediss']),
    LIVEKIT_URL: optionalUrl(['http', 'https', 'ws', 'wss']),
    LIVEKIT_PUBLIC_URL: optionalUrl(['ws', 'wss', 'http', 'https']),
    LIVEKIT_API_KEY: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
    LIVEKIT_API_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    LIVEKIT_AUTOSTART: z.preprocess(emptyToUndefined, z.enum(['0', '1']).default('1')),
    /** LiveKit Ingress runs beside LiveKit (docker-compose.yml's `ingress` profile): venue inputs also get an RTMP address. */
    LIVEKIT_INGRESS: z.preprocess(emptyToUndefined, z.enum(['0', '1']).default('0')),
    /** Video rooms open this many minutes before a session starts… */
    ROOM_OPEN_MINUTES: z.preprocess(emptyToUndefined, minutes.default(15)),
    /** …and refuse joins this many minutes after it ends. */
    ROOM_GRACE_MINUTES: z.preprocess(emptyToUndefined, minutes.default(30)),
    /**
     * Seconds in a breakout round's minute: 60. The end-to-end tests set fewer so that a 1-minute
     * round ends within the test (docs/architecture.md, "Breakout groups"); never in production.
     */
    BREAKOUT_MINUTE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(60).default(60)),
    /**
     * What LiveKit Egress records and streams: `composite` (a room composite of Chemins's own layout
     * page, `/media/layout`, rendered by egress's Chromium; `room`, the former name, still accepted)
     * or `participant` (the first person publishing a camera, without a browser).
     */
    RECORDING_LAYOUT: z.preprocess((v) => (v === 'room' ? 'composite' : emptyToUndefined(v)), z.enum(['composite', 'participant']).default('composite')),
    /** The app's base URL as egress's Chromium reaches it (the composite layout page); unset, PUBLIC_URL. */
    EGRESS_APP_URL: optionalUrl(['http', 'https']),
    SMTP_URL: optionalUrl(['smtp', 'smtps']),
    MAIL_FROM: z.string().min(3).default('Chemins <no-reply@chemins.localhost>'),
    NEXTAUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
    ADMIN_EMAILS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().email('must be a comma-separated list of e-mail addresses'))),
    /** How often the mail worker looks for due mails and reminders. */
    MAIL_POLL_MS: z.coerce.number().int().min(200).max(600_000).default(5000),
    /**
     * 1: the app is behind a reverse proxy that sets X-Forwarded-For (and -Proto, -Host); the
     * client address is then its last hop. 0 (default): the socket's address.
     */
    TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['0', '1']).default('0')),
    /** Rate limits on public writes (docs/deployment.md), counted per window of this many seconds… */
    RATE_LIMIT_WINDOW_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(86_400).default(600)),
    /** …every state-changing request (POST, PUT, PATCH, DELETE) from one client address… */
    RATE_LIMIT_WRITES_PER_ADDRESS: z.preprocess(emptyToUndefined, perWindow.default(3000)),
    /** …registrations and sign-in links (each sends a mail) from one client address… */
    RATE_LIMIT_REGISTRATIONS_PER_ADDRESS: z.preprocess(emptyToUndefined, perWindow.default(600)),
    /** …and to one e-mail address. */
    RATE_LIMIT_REGISTRATIONS_PER_EMAIL: z.preprocess(emptyToUndefined, perWindow.default(10)),
    /** New guest identities (`POST /api/guest`) from one client address: a venue's Wi-Fi is one address. */
    RATE_LIMIT_GUESTS_PER_ADDRESS: z.preprocess(emptyToUndefined, perWindow.default(600)),
    /** Named limits of single features (server/http/rate-limit.ts `LIMITS`), per window as well. */
    RATE_LIMIT_UPLOADS_PER_PERSON: z.preprocess(emptyToUndefined, perWindow.default(30)),
    RATE_LIMIT_PATH_WRITES_PER_PERSON: z.preprocess(emptyToUndefined, perWindow.default(120)),
    RATE_LIMIT_PROPOSALS_PER_ADDRESS: z.preprocess(emptyToUndefined, perWindow.default(120)),
    RATE_LIMIT_PROPOSALS_PER_PERSON: z.preprocess(emptyToUndefined, perWindow.default(20)),
    RATE_LIMIT_SUBSCRIPTIONS_PER_ADDRESS: z.preprocess(emptyToUndefined, perWindow.default(60)),
    RATE_LIMIT_VERIFICATIONS_PER_ADDRESS: z.preprocess(emptyToUndefined, perWindow.default(300)),
    RATE_LIMIT_ERASURES_PER_ADDRESS: z.preprocess(emptyToUndefined, perWindow.default(30)),
    RATE_LIMIT_ERASURES_PER_PERSON: z.preprocess(emptyToUndefined, perWindow.default(5)),
    RATE_LIMIT_CALL_WRITES_PER_PERSON: z.preprocess(emptyToUndefined, perWindow.default(60)),
    RATE_LIMIT_CALL_CONFIRMATIONS_PER_LINK: z.preprocess(emptyToUndefined, perWindow.default(10)),
    /** Keys each limit keeps in memory (without Redis): past it, the least recently counted go first. */
    RATE_LIMIT_MEMORY_KEYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1000).max(10_000_000).default(100_000)),
    /**
     * Encrypts the Open Badges issuers' private keys at rest (AES-256-GCM, docs/badges.md). Required
     * in production; development and tests use a fixed, public default (never for real credentials).
     */
    BADGE_KEY_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    /** How often the award job issues badges from the records (0: never; docs/badges.md). */
    BADGE_AWARD_POLL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
    /** Chat messages, attendance and check-ins are purged or anonymised this many months after an event ends (docs/privacy.md). */
    RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
    /** How often the retention job looks for events past their retention time (0: never; docs/privacy.md). */
    /** The address shown on the privacy page for questions about personal data (else: the event's organizers). */
    PRIVACY_CONTACT: z.preprocess(emptyToUndefined, z.email().optional()),
    RETENTION_POLL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
    /** Uploads never attached to a resource or a path are deleted this many hours after their upload… */
    ATTACHMENT_ORPHAN_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(8760).default(24)),
    /** …by a job that runs this often (0: never). */
    ATTACHMENT_PURGE_POLL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(86_400_000).default(3_600_000)),
    /** What one person's uploads may hold in all, attached or not, in MiB (0: no quota). */
    ATTACHMENT_QUOTA_MIB: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(1_000_000).default(200)),
    /**
     * Speech recognition (issue 29, docs/deployment.md): a Whisper model in CTranslate2 format
     * (faster-whisper) that the operator provides. Unset: no recognised captions.
     */
    ASR_MODEL_DIR: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
    /** The Python that has faster-whisper (a venv's bin/python). */
    ASR_PYTHON: z.preprocess(emptyToUndefined, z.string().min(1).default('python3')),
    /** CPU threads the recognition engine (one child process) may use. */
    ASR_THREADS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(64).default(2)),
    SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(['0', '1']).default('1')),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    const lk = [env.LIVEKIT_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET];
    if (lk.some(Boolean) && !lk.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['LIVEKIT_URL'],
        message: 'LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together',
      });
    }
    if (env.REDIS_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message:
          'is required when REDIS_URL is set: several processes cannot share the embedded PGlite database',
      });
    }
    if (env.NODE_ENV === 'production' && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'is required in production' });
    }
    if (env.NODE_ENV === 'production' && !env.BADGE_KEY_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['BADGE_KEY_SECRET'],
        message: 'is required in production: it encrypts the badge issuers’ private keys (32 characters or more, e.g. `openssl rand -base64 32`)',
      });
    }
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n') +
        '\nSee .env.example for every variable.',
    );
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => ({ variable: String(i.path[0] ?? 'environment'), message: i.message })),
    );
  }
  return result.data;
}

const globalForConfig = globalThis as unknown as { __cheminsConfig?: Config };

/** The validated configuration of this process (read once). */
export function config(): Config {
  globalForConfig.__cheminsConfig ??= parseConfig(process.env);
  return globalForConfig.__cheminsConfig;
}

/** Development and tests only: the key that encrypts badge issuers' private keys when none is set. */
export const DEV_BADGE_KEY_SECRET = 'chemins-development-only-badge-key-secret';

/** The secret that encrypts badge issuers' private keys (BADGE_KEY_SECRET; required in production). */
export function badgeKeySecret(c: Config = config()): string {
  if (c.BADGE_KEY_SECRET) return c.BADGE_KEY_SECRET;
  if (c.NODE_ENV === 'production') throw new ConfigError([{ variable: 'BADGE_KEY_SECRET', message: 'is required in production' }]);
  return DEV_BADGE_KEY_SECRET;
}

/**
 * Outgoing mail: `ok` (SMTP_URL), `log` (development and tests without SMTP_URL: mails are printed
 * by the server), `unavailable` (production without SMTP_URL: no mail leaves, so no magic link,
 * no personal link by e-mail; said at start-up, on `/api/health` and on the pages that would mail).
 */
export type MailState = 'ok' | 'log' | 'unavailable';

export function mailState(c: Config = config()): MailState {
  if (c.SMTP_URL) return 'ok';
  return c.NODE_ENV === 'production' ? 'unavailable' : 'log';
}

/** The address the server listens on (HOST, or its default for NODE_ENV). */
export function listenHost(c: Config): string {
  return c.HOST ?? (c.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
}

/** Base URL egress's Chromium uses to reach this app (the composite layout page). */
export const egressAppUrl = (): string => (config().EGRESS_APP_URL ?? publicUrl()).replace(/\/$/, '');

/** Base URL the outside world uses to reach this app. */
export function publicUrl(): string {
  const c = config();
  return (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
}
