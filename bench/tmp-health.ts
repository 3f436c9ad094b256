import { startApp } from './support';
const app = await startApp();
async function drive(total: number, conc: number, task: (i: number) => Promise<void>) {
  let next = 0; const t0 = performance.now();
  await Promise.all(Array.from({ length: conc }, async () => { while (next < total) { const i = next++; await task(i); } }));
  return total / ((performance.now() - t0) / 1000);
}
const path = process.env.P ?? '/api/health';
await drive(300, 32, async () => { const r = await fetch(app.url + path); await r.arrayBuffer(); });
console.log(path, (await drive(3000, 32, async () => { const r = await fetch(app.url + path); await r.arrayBuffer(); })).toFixed(0), '/s');
const body = JSON.stringify({ name: 'x', email: 'bad', consent: true });
console.log('POST 400', (await drive(3000, 32, async () => { const r = await fetch(app.url + '/api/events/edition-demo/registrations', { method: 'POST', headers: { 'content-type': 'application/json' }, body }); await r.arrayBuffer(); })).toFixed(0), '/s');
app.stop();
