/**
 * Baseline for bench/notes: a bare Hocuspocus server (its own listener, no authentication, no
 * storage, no limits), with `@hocuspocus/extension-redis` when REDIS_URL is set, as Chemins has.
 * Prints `listening <port>`.
 */
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';

const redisUrl = process.env.REDIS_URL ? new URL(process.env.REDIS_URL) : null;
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: redisUrl ? [new Redis({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379), prefix: 'bench:notes:bare' })] : [],
});
await server.listen();
process.stdout.write(`listening ${server.address.port}\n`);
