/**
 * A realtime-only server process (no Next; Socket.IO and the shared notes), for the multi-process tests and bench/realtime: the database of DATABASE_URL, Socket.IO on
 * PORT (0 = any) of 127.0.0.1, the Redis streams adapter when REDIS_URL is set. Prints
 * `listening <port>` once ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, setDatabase } from '@/db/client';
import { attachRealtime } from '@/server/realtime';
import { attachNotes } from '@/server/notes/server';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const handle = await openDatabase({ databaseUrl, dataDir: 'unused' });
setDatabase(Promise.resolve(handle));
const http = createServer();
const rt = await attachRealtime(http, { redisUrl: process.env.REDIS_URL || undefined });
const notes = await attachNotes(http, { redisUrl: process.env.REDIS_URL || undefined });
await new Promise<void>((resolve) => http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
process.stdout.write(`listening ${(http.address() as AddressInfo).port}\n`);

const stop = async () => {
  await notes.close();
  await rt.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
