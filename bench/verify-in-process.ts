/**
 * What a verification costs without HTTP: the core's authenticate + verifyChallenge, called
 * in process 32 at a time, against the real store (embedded SQLite), and the same through
 * Fastify's inject (no socket). Prints the event loop's CPU per verification for each,
 * alternating, so that this machine's drift shows as spread rather than as a difference.
 *
 *   npx node bench/verify-in-process.ts [--count 8000] [--rounds 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv } from '../src/config.ts';
import { startServer } from '../src/server.ts';
import type { VerifyItem } from './protocol.ts';
import { latchkeyEnv } from './lib.ts';
import { verifyItemMaker } from './verify-items.ts';
import { authenticate, resolveDevKey } from '../src/core/session/sessions.ts';
import { verifyChallenge } from '../src/core/challenge/challenges.ts';

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '8000' }, rounds: { type: 'string', default: '3' } } });
const COUNT = Number(args.count);
const IN_FLIGHT = 32;

const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-verify-'));
const server = await startServer(configFromEnv(latchkeyEnv(dataDir, false)));
const { lk, sandbox } = server;
const deps = lk.deps;
const prepare = verifyItemMaker(deps, sandbox!, 200);

const ways = {
  core: async (it: VerifyItem) => {
    const ctx = await authenticate(deps, it.session, await resolveDevKey(deps, sandbox!.devKey));
    await verifyChallenge(deps, ctx, it.challengeId, { code: it.code }, { ip: '127.0.0.1' });
  },
  inject: async (it: VerifyItem) => {
    const r = await server.app.inject({
      method: 'POST', url: `/v1/mfa/challenges/${it.challengeId}/verify`, payload: JSON.stringify({ code: it.code }),
      headers: { 'content-type': 'application/json', 'x-dev-key': sandbox!.devKey, authorization: `Bearer ${it.session}` },
    });
    if (r.statusCode !== 200) throw new Error(`verify answered ${r.statusCode}: ${r.body}`);
  },
};

/** The event loop's CPU per verification, in µs. */
async function measure(verify: (it: VerifyItem) => Promise<void>, items: VerifyItem[]): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await verify(items[next++]!);
  };
  const before = process.threadCpuUsage();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const used = process.threadCpuUsage(before);
  return (used.user + used.system) / items.length;
}

for (let round = 1; round <= Number(args.rounds); round++) {
  for (const [name, verify] of Object.entries(ways)) {
    const items = await prepare(COUNT);
    console.log(`round ${round}, ${name}: ${(await measure(verify, items)).toFixed(1)} µs of event-loop CPU per verification`);
  }
}
await server.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
