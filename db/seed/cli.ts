// `npm run db:seed`: write (or rewrite) all the demo data into the configured database.
import { openDatabase } from '../client';
import { seed } from './index';

const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR || './.data',
});
const result = await seed(handle.db, { force: true });
console.log(`Seeded (historical programmes: ${result.historical ? 'written' : 'kept'}; demo edition re-dated).`);
await handle.close();
