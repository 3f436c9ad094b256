import { RateLimiterCompatibleAbstract, type RateLimiterLike, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import type { Config } from '@/lib/config';
import { logger } from '@/lib/logger';

/**
 * The one rate limiter (docs/deployment.md, "Limits"). Every limit is named here, with the
 * variable that sets its points per window (`RATE_LIMIT_WINDOW_SECONDS`) and what it is keyed on:
 *
 * - `address`: the client address the request gate trusts (the socket's, or X-Forwarded-For's last
 *   hop with TRUST_PROXY=1), handed to Next in `x-chemins-client-address` (`clientAddressOf`);
 *   never a header the client writes;
 * - `person`: `user:<id>` or `registration:<id>`; `email`: the lower-cased address; `link`: a
 *   personal link's token.
 *
 * Counted in Redis when REDIS_URL is set, so that every process shares them (in bounded memory for
 * a moment if Redis is unreachable), in bounded memory otherwise: at most `memoryKeys` keys per
 * limit, the least recently counted evicted first; no count is ever reset early. One limiter per
 * process, kept on globalThis: the Node server and Next's compiled code both use it.
 */
export const LIMITS = {
  writes: { variable: 'RATE_LIMIT_WRITES_PER_ADDRESS', key: 'address' },
  mailPerAddress: { variable: 'RATE_LIMIT_REGISTRATIONS_PER_ADDRESS', key: 'address' },
  mailPerEmail: { variable: 'RATE_LIMIT_REGISTRATIONS_PER_EMAIL', key: 'email' },
  uploadsPerPerson: { variable: 'RATE_LIMIT_UPLOADS_PER_PERSON', key: 'person' },
  pathWritesPerPerson: { variable: 'RATE_LIMIT_PATH_WRITES_PER_PERSON', key: 'person' },
  proposalsPerAddress: { variable: 'RATE_LIMIT_PROPOSALS_PER_ADDRESS', key: 'address' },
  proposalsPerPerson: { variable: 'RATE_LIMIT_PROPOSALS_PER_PERSON', key: 'person' },
  subscriptionsPerAddress: { variable: 'RATE_LIMIT_SUBSCRIPTIONS_PER_ADDRESS', key: 'address' },
  verificationsPerAddress: { variable: 'RATE_LIMIT_VERIFICATIONS_PER_ADDRESS', key: 'address' },
  erasuresPerAddress: { variable: 'RATE_LIMIT_ERASURES_PER_ADDRESS', key: 'address' },
  erasuresPerPerson: { variable: 'RATE_LIMIT_ERASURES_PER_PERSON', key: 'person' },
  callWritesPerPerson: { variable: 'RATE_LIMIT_CALL_WRITES_PER_PERSON', key: 'person' },
  callConfirmationsPerLink: { variable: 'RATE_LIMIT_CALL_CONFIRMATIONS_PER_LINK', key: 'link' },
  /** Guest identities issued (`POST /api/guest`). */
  guests: { variable: 'RATE_LIMIT_GUESTS_PER_ADDRESS', key: 'address' },
} as const satisfies Record<string, { variable: keyof Config; key: 'address' | 'person' | 'email' | 'link' }>;

export type LimitName = keyof typeof LIMITS;

export type RateLimitSettings = {
  windowSeconds: number;
  /** Requests allowed per window; 0 or absent for no limit. */
  points: Partial<Record<LimitName, number>>;
  redisUrl?: string;
  /** Key prefix in Redis (tests give each run its own). */
  prefix?: string;
  /** Keys kept in memory per limit (default 100,000): past it the least recently counted go. */
  memoryKeys?: number;
};

export type RateLimiter = {
  /** Count one request under `name` for `key`: null when allowed, else the seconds to wait. */
  hit(name: LimitName, key: string): Promise<number | null>;
  close(): Promise<void>;
};

export function rateLimitSettings(c: Config): RateLimitSettings {
  const points = Object.fromEntries(Object.entries(LIMITS).map(([name, l]) => [name, c[l.variable]])) as Record<LimitName, number>;
  return { windowSeconds: c.RATE_LIMIT_WINDOW_SECONDS, points, redisUrl: c.REDIS_URL, memoryKeys: c.RATE_LIMIT_MEMORY_KEYS };
}

type Count = { value: number; expiresAt: number };

/**
 * rate-limiter-flexible's memory limiter keeps every key until its window ends (a timer each), so
 * many keys (addresses of a large IPv6 block) grow it without bound. This one keeps at most
 * `maxKeys`: a Map in order of last use, the least recently counted dropped first. A key that is
 * still being counted is recent, so it keeps its count.
 */
// The library's base class (what an insurance limiter must be an instance of) declares keyPrefix,
// blockDuration and execEvenly as fields but defines them as accessors that throw: extended untyped.
const CompatibleBase = RateLimiterCompatibleAbstract as unknown as new () => object;

export class BoundedMemoryLimiter extends CompatibleBase implements RateLimiterCompatibleAbstract {
  private readonly counts = new Map<string, Count>();
  readonly points: number;
  readonly duration: number;
  private readonly prefix: string;
  private blockSeconds = 0;
  private evenly = false;

  constructor(
    opts: { points: number; duration: number; keyPrefix?: string },
    private readonly maxKeys = 100_000,
  ) {
    super();
    this.points = opts.points;
    this.duration = opts.duration;
    this.prefix = opts.keyPrefix ?? 'rlflx';
  }

  // What RateLimiterRedis sets on its insurance limiter; this one neither blocks nor spreads requests.
  get keyPrefix(): string {
    return this.prefix;
  }
  get blockDuration(): number {
    return this.blockSeconds;
  }
  set blockDuration(value: number) {
    this.blockSeconds = value ?? 0;
  }
  get execEvenly(): boolean {
    return this.evenly;
  }
  set execEvenly(value: boolean) {
    this.evenly = Boolean(value);
  }

  private getKey(key: string | number): string {
    return `${this.prefix}:${key}`;
  }

  /** Keys held (tests). */
  get size(): number {
    return this.counts.size;
  }

  private add(key: string | number, points: number, secDuration = this.duration): RateLimiterRes {
    const k = this.getKey(key);
    const now = Date.now();
    const held = this.counts.get(k);
    this.counts.delete(k);
    const c = held && held.expiresAt > now ? held : { value: 0, expiresAt: now + secDuration * 1000 };
    c.value += points;
    this.counts.set(k, c);
    while (this.counts.size > this.maxKeys) this.counts.delete(this.counts.keys().next().value!);
    return new RateLimiterRes(Math.max(this.points - c.value, 0), c.expiresAt - now, c.value, c !== held);
  }

  consume(key: string | number, pointsToConsume = 1): Promise<RateLimiterRes> {
    const res = this.add(key, pointsToConsume);
    return res.consumedPoints > this.points ? Promise.reject(res) : Promise.resolve(res);
  }
  penalty(key: string | number, points = 1): Promise<RateLimiterRes> {
    return Promise.resolve(this.add(key, points));
  }
  reward(key: string | number, points = 1): Promise<RateLimiterRes> {
    return Promise.resolve(this.add(key, -points));
  }
  get(key: string | number): Promise<RateLimiterRes | null> {
    const c = this.counts.get(this.getKey(key));
    const now = Date.now();
    if (!c || c.expiresAt <= now) return Promise.resolve(null);
    return Promise.resolve(new RateLimiterRes(Math.max(this.points - c.value, 0), c.expiresAt - now, c.value, false));
  }
  set(key: string | number, points: number, secDuration: number): Promise<RateLimiterRes> {
    this.counts.delete(this.getKey(key));
    return Promise.resolve(this.add(key, points, secDuration > 0 ? secDuration : this.duration));
  }
  block(key: string | number, secDuration: number): Promise<RateLimiterRes> {
    return this.set(key, this.points + 1, secDuration);
  }
  delete(key: string | number): Promise<boolean> {
    return Promise.resolve(this.counts.delete(this.getKey(key)));
  }
}

export async function createRateLimiter(s: RateLimitSettings): Promise<RateLimiter> {
  let redis: ReturnType<typeof createClient> | null = null;
  if (s.redisUrl) {
    redis = createClient({ url: s.redisUrl });
    redis.on('error', (err) => logger().warn({ err }, 'rate limits: redis error'));
    await redis.connect();
  }
  const limiters = new Map<LimitName, RateLimiterLike>();
  for (const name of Object.keys(LIMITS) as LimitName[]) {
    const points = s.points[name] ?? 0;
    if (points <= 0) continue;
    const keyPrefix = `${s.prefix ?? 'chemins:rl'}:${name}`;
    const memory = new BoundedMemoryLimiter({ keyPrefix, points, duration: s.windowSeconds }, s.memoryKeys);
    limiters.set(
      name,
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            useRedisPackage: true,
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
            keyPrefix,
            points,
            duration: s.windowSeconds,
          })
        : memory,
    );
  }
  return {
    async hit(name, key) {
      const limiter = limiters.get(name);
      if (!limiter) return null;
      try {
        await limiter.consume(key);
        return null;
      } catch (res) {
        if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw res;
      }
    },
    async close() {
      if (redis?.isOpen) await redis.quit().catch(() => {});
    },
  };
}

const g = globalThis as unknown as { __cheminsRateLimiter?: RateLimiter };

/** Install this process's limiter (server/index.ts at start-up, tests). */
export function setRateLimiter(limiter: RateLimiter | undefined) {
  g.__cheminsRateLimiter = limiter;
}

/** This process's limiter; none installed (a test calling a handler directly) limits nothing. */
export function rateLimiter(): RateLimiter {
  return g.__cheminsRateLimiter ?? { hit: async () => null, close: async () => {} };
}

/** The header in which the request gate (server/http/guard.ts) hands the trusted client address to Next. */
export const CLIENT_ADDRESS_HEADER = 'x-chemins-client-address';

/**
 * The client address the request gate trusts, read in Next's code (a route's Request, or
 * `headers()` in a server action). Never X-Forwarded-For: the client writes it.
 */
export function clientAddressOf(from: Request | { get(name: string): string | null }): string {
  // Next's `headers()` is a proxy that says it has any property: ask for a Request, not for `headers`.
  const headers = from instanceof Request ? from.headers : from;
  return headers.get(CLIENT_ADDRESS_HEADER) || 'unknown';
}

/** Count one request under the named limit: null when allowed, else the seconds to wait. */
export function hitLimit(name: LimitName, key: string): Promise<number | null> {
  return rateLimiter().hit(name, key);
}

/**
 * What sends a mail (a registration, a sign-in link), counted per client address and per e-mail
 * address: null when allowed, else the seconds to wait.
 */
export async function mailAllowed(address: string, email: string): Promise<number | null> {
  const limiter = rateLimiter();
  return (await limiter.hit('mailPerAddress', address)) ?? (await limiter.hit('mailPerEmail', email.toLowerCase()));
}
