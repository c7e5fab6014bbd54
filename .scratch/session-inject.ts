import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import Fastify from '/work/main/node_modules/fastify/fastify.js';
import { configFromEnv } from '/work/main/src/config.ts';
import { startServer } from '/work/main/src/server.ts';
import { latchkeyEnv } from '/work/main/bench/lib.ts';

const server = await startServer(configFromEnv(latchkeyEnv(mkdtempSync(join(tmpdir(), 'lk-si-')), false)));
const sb = server.sandbox!;
const r = await server.app.inject({ method: 'POST', url: '/v1/sessions', headers: { 'content-type': 'application/json', 'x-dev-key': sb.devKey }, payload: JSON.stringify({ organizationId: sb.organizationId, username: sb.user.username, password: sb.user.password }) });
const sessionId = r.json().sessionId;
const bare = Fastify({ logger: false });
bare.get('/', async () => ({ hello: 'world' }));
await bare.ready();
const N = Number(process.argv[2] ?? 20000);
async function run(app: any, opts: any) {
  let i = 0;
  const w = async () => { while (i++ < N) { const x = await app.inject(opts); if (x.statusCode !== 200) throw new Error(x.body); } };
  const c0 = process.threadCpuUsage();
  await Promise.all(Array.from({ length: 32 }, w));
  const c = process.threadCpuUsage(c0);
  return (c.user + c.system) / N;
}
const lkOpts = { method: 'GET', url: '/v1/session', headers: { 'x-dev-key': sb.devKey, authorization: `Bearer ${sessionId}` } };
for (let k = 0; k < 3; k++) {
  console.log('bare', (await run(bare, { method: 'GET', url: '/' })).toFixed(1), 'session', (await run(server.app, lkOpts)).toFixed(1));
}
if (process.env.PROF) {
  const insp = new Session(); insp.connect(); await insp.post('Profiler.enable'); await insp.post('Profiler.start');
  await run(server.app, lkOpts);
  const { profile } = await insp.post('Profiler.stop'); writeFileSync(process.env.PROF, JSON.stringify(profile));
}
await server.close(); process.exit(0);
