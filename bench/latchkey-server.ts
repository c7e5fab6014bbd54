/**
 * Benchmark child: the real Latchkey server (startServer with configuration from the
 * environment, as `latchkey serve` runs it), plus a small IPC side channel the parent
 * uses for set-up and for reading the event-loop delay. Nothing here is on the measured path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { configFromEnv } from '../src/config.ts';
import { startServer } from '../src/server.ts';
import { openSession, resolveDevKey } from '../src/core/session/sessions.ts';
import { issueChallenge } from '../src/core/challenge/challenges.ts';
import { userId } from '../src/core/ids.ts';
import { addActiveSmsFactor } from '../src/sandbox/seed.ts';
import type { CoreDeps } from '../src/core/deps.ts';
import type { Factor, User } from '../src/core/model.ts';
import type { OutgoingMessage } from '../src/ports/channel.ts';
import { answerCommon, type ToChild, type VerifyItem } from './protocol.ts';

const server = await startServer(configFromEnv());
const { lk, sandbox } = server;
if (!sandbox) throw new Error('The benchmark runs Latchkey in sandbox mode.');
const { deps } = lk;

/** Sampling interval of the event-loop delay histogram, in ms. */
const ELD_RESOLUTION_MS = 10;
const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });

/**
 * Pre-creates `count` challenges to verify over HTTP: `users` extra users in the sandbox
 * organization, each with an active SMS factor; for every challenge a fresh signed-in
 * session (no password hash: openSession directly) and a challenge issued by the real
 * core code, with the code captured from the delivery instead of the outbox.
 */
async function prepareVerify(count: number, users: number): Promise<VerifyItem[]> {
  const org = (await deps.store.organizations.get(sandbox!.organizationId))!;
  const devKey = await resolveDevKey(deps, sandbox!.devKey);
  const template = (await deps.store.users.get(sandbox!.user.userId))!;
  const people: { user: User; factor: Factor }[] = [];
  for (let i = 0; i < users; i++) {
    const user: User = { ...template, id: userId(deps.random), username: `bench-${i}-${deps.random.token(6)}`, phone: `+1555${String(1000000 + i).slice(-7)}` };
    await deps.store.users.insert(user);
    people.push({ user, factor: await addActiveSmsFactor(deps, user) });
  }
  const items: VerifyItem[] = [];
  const one = async (i: number) => {
    const { user, factor } = people[i % people.length]!;
    const { token, session } = await openSession(deps, { user, org, devKey, kind: 'user' });
    let code = '';
    const capture: CoreDeps = { ...deps, delivery: { send: async (m: OutgoingMessage) => void (code = /\b(\d{6})\b/.exec(m.body)![1]!) } };
    const view = await issueChallenge(capture, { session, user, org, devKey }, factor, 'sign_in', null);
    items.push({ session: token, challengeId: view.challengeId, code });
  };
  // A few at a time so PostgreSQL's pool is used; SQLite runs them one after another anyway.
  for (let i = 0; i < count; i += 8) await Promise.all(Array.from({ length: Math.min(8, count - i) }, (_, j) => one(i + j)));
  return items;
}

/**
 * --nice-threadpool (an experiment, not Latchkey's behaviour): lowers the scheduling priority
 * of libuv's pool threads, where argon2id runs, below the event loop's. Linux only; the
 * threads exist once the pool has had work (the parent signs in first).
 */
function niceThreadpool(nice: number): number {
  let n = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    if (readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() !== 'libuv-worker') continue;
    setPriority(Number(tid), nice);
    n++;
  }
  return n;
}

process.on('message', async (msg: ToChild) => {
  try {
    if (answerCommon(msg)) return;
    if (msg.type === 'prepare-verify') process.send!({ type: 'verify-items', items: await prepareVerify(msg.count, msg.users) });
    else if (msg.type === 'nice-threadpool') process.send!({ type: 'niced', threads: niceThreadpool(msg.nice) });
    else if (msg.type === 'eld-start') {
      eld.reset();
      eld.enable();
      process.send!({ type: 'eld-started' });
    } else if (msg.type === 'eld-stop') {
      eld.disable();
      const ms = (ns: number) => ns / 1e6;
      process.send!({ type: 'eld', resolutionMs: ELD_RESOLUTION_MS, p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max), mean: ms(eld.mean), samples: eld.count });
    }
  } catch (err) {
    process.send!({ type: 'error', message: (err as Error).stack ?? String(err) });
  }
});

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
process.send!({ type: 'ready', url: server.url, sandbox });
