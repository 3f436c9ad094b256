import { RateLimiterMemory, type RateLimiterAbstract, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import type { Config } from '@/lib/config';
import { logger } from '@/lib/logger';

/**
 * Rate limits on public writes (docs/deployment.md), counted per window: every state-changing
 * request per client address, and what sends a mail (a registration, a sign-in link) per client
 * address and per e-mail address. Counted in Redis when REDIS_URL is set, so that every process
 * shares them (in memory for a moment if Redis is unreachable), in memory otherwise. One limiter
 * per process, kept on globalThis: the Node server and Next's compiled code both use it.
 */
/** `guests`: guest identities issued per client address (`POST /api/guest`). */
export type LimitName = 'writes' | 'mailPerAddress' | 'mailPerEmail' | 'guests';

export type RateLimitSettings = {
  windowSeconds: number;
  /** Requests allowed per window; 0 for no limit. */
  points: Record<LimitName, number>;
  redisUrl?: string;
  /** Key prefix in Redis (tests give each run its own). */
  prefix?: string;
};

export type RateLimiter = {
  /** Count one request under `name` for `key`: null when allowed, else the seconds to wait. */
  hit(name: LimitName, key: string): Promise<number | null>;
  close(): Promise<void>;
};

export function rateLimitSettings(c: Config): RateLimitSettings {
  return {
    windowSeconds: c.RATE_LIMIT_WINDOW_SECONDS,
    points: {
      writes: c.RATE_LIMIT_WRITES_PER_ADDRESS,
      mailPerAddress: c.RATE_LIMIT_REGISTRATIONS_PER_ADDRESS,
      mailPerEmail: c.RATE_LIMIT_REGISTRATIONS_PER_EMAIL,
      guests: c.RATE_LIMIT_GUESTS_PER_ADDRESS,
    },
    redisUrl: c.REDIS_URL,
  };
}

export async function createRateLimiter(s: RateLimitSettings): Promise<RateLimiter> {
  let redis: ReturnType<typeof createClient> | null = null;
  if (s.redisUrl) {
    redis = createClient({ url: s.redisUrl });
    redis.on('error', (err) => logger().warn({ err }, 'rate limits: redis error'));
    await redis.connect();
  }
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const name of Object.keys(s.points) as LimitName[]) {
    const points = s.points[name];
    if (points <= 0) continue;
    const keyPrefix = `${s.prefix ?? 'chemins:rl'}:${name}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: s.windowSeconds });
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

/**
 * What sends a mail (a registration, a sign-in link), counted per client address and per e-mail
 * address: null when allowed, else the seconds to wait.
 */
export async function mailAllowed(address: string, email: string): Promise<number | null> {
  const limiter = rateLimiter();
  return (await limiter.hit('mailPerAddress', address)) ?? (await limiter.hit('mailPerEmail', email.toLowerCase()));
}
