/**
 * Benchmark child: the real Latchkey server (startServer with configuration from the
 * environment, as `latchkey serve` runs it), plus a small IPC side channel the parent
 * uses for set-up and for reading the event-loop delay. Nothing here is on the measured path.
 * With LATCHKEY_BENCH_PROBES set it also serves bench/probe-routes.ts (for bench/floor.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { configFromEnv } from '../src/config.ts';
import { startServer } from '../src/server.ts';
import { answerCommon, type ToChild, type VerifyItem } from './protocol.ts';
import { verifyItemMaker } from './verify-items.ts';
import { probeRoutes } from './probe-routes.ts';

const server = await startServer(configFromEnv(), process.env.LATCHKEY_BENCH_PROBES ? probeRoutes : undefined);
const { lk, sandbox } = server;
if (!sandbox) throw new Error('The benchmark runs Latchkey in sandbox mode.');
const { deps } = lk;

/** Sampling interval of the event-loop delay histogram, in ms. */
const ELD_RESOLUTION_MS = 10;
const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
/** Challenges for the verification runs, made on request (prepare-verify); the users behind them once per number asked for. */
const makers = new Map<number, (count: number) => Promise<VerifyItem[]>>();
function verifyItems(count: number, users: number): Promise<VerifyItem[]> {
  let make = makers.get(users);
  if (!make) makers.set(users, (make = verifyItemMaker(deps, sandbox!, users)));
  return make(count);
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
    if (msg.type === 'prepare-verify') process.send!({ type: 'verify-items', items: await verifyItems(msg.count, msg.users) });
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
