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
import { authenticate, openSession, resolveDevKey } from '../src/core/session/sessions.ts';
import { issueChallenge, verifyChallenge } from '../src/core/challenge/challenges.ts';
import { addActiveSmsFactor } from '../src/sandbox/seed.ts';
import { userId } from '../src/core/ids.ts';
import type { CoreDeps } from '../src/core/deps.ts';
import type { Factor, User } from '../src/core/model.ts';
import type { VerifyItem } from './protocol.ts';
import { latchkeyEnv } from './lib.ts';

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '8000' }, rounds: { type: 'string', default: '3' } } });
const COUNT = Number(args.count);
const IN_FLIGHT = 32;

const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-verify-'));
const server = await startServer(configFromEnv(latchkeyEnv(dataDir, false)));
const { lk, sandbox } = server;
const deps = lk.deps;
const org = (await deps.store.organizations.get(sandbox!.organizationId))!;
const devKey = await resolveDevKey(deps, sandbox!.devKey);
const template = (await deps.store.users.get(sandbox!.user.userId))!;

const people: { user: User; factor: Factor }[] = [];
for (let i = 0; i < 200; i++) {
  const user: User = { ...template, id: userId(deps.random), username: `verify-${i}-${deps.random.token(6)}`, phone: `+1555${String(2000000 + i)}` };
  await deps.store.users.insert(user);
  people.push({ user, factor: await addActiveSmsFactor(deps, user) });
}

/** Fresh sessions, each with a challenge whose code is captured from the delivery. */
async function prepare(n: number): Promise<VerifyItem[]> {
  const items: VerifyItem[] = [];
  for (let i = 0; i < n; i++) {
    const { user, factor } = people[i % people.length]!;
    const { token, session } = await openSession(deps, { user, org, devKey, kind: 'user' });
    let code = '';
    const capture: CoreDeps = { ...deps, delivery: { send: async (m) => void (code = /\b(\d{6})\b/.exec(m.body)![1]!) } };
    const view = await issueChallenge(capture, { session, user, org, devKey }, factor, 'sign_in', null);
    items.push({ session: token, challengeId: view.challengeId, code });
  }
  return items;
}

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
