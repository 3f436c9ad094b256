/**
 * A mail-worker process for the restart test: the database of DATABASE_URL (migrated already),
 * the real worker loop every MAIL_POLL_MS, mail to SMTP_URL. Prints `ready` once started; runs
 * until it is killed.
 */
import { openDatabase, setDatabase } from '@/db/client';
import { startMailWorker } from '@/server/mail/worker';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const handle = await openDatabase({ databaseUrl, dataDir: 'unused', migrate: false });
setDatabase(Promise.resolve(handle));
startMailWorker(Number(process.env.MAIL_POLL_MS ?? 200));
process.stdout.write('ready\n');
setInterval(() => {}, 60_000); // the worker's timer is unref'd: keep the process alive
