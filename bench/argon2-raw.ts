/**
 * Benchmark child: raw argon2id with @node-rs/argon2 at the server's parameters
 * (OWASP_ARGON2ID), outside any server. Like the server it calls the async API, which
 * runs on libuv's thread pool, keeping `concurrency` operations in flight — the same
 * number of sign-ins the HTTP scenario keeps in flight — so both cores are used the
 * way the server would use them. Each operation is `verify`, the exact work of a sign-in.
 */
import { hash, verify } from '@node-rs/argon2';
import { OWASP_ARGON2ID } from '../src/adapters/argon2-hasher.ts';
import type { FromChild } from './protocol.ts';
import { machineCpu, otherLoad } from './lib.ts';

const [concurrency, warmupS, durationS] = process.argv.slice(2).map(Number) as [number, number, number];
const PASSWORD = 'sandbox-password-for-the-benchmark';
const stored = await hash(PASSWORD, OWASP_ARGON2ID);

// One at a time: how long a single hash takes when it has a core to itself.
const single: number[] = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  await verify(stored, PASSWORD);
  single.push(performance.now() - t);
}
single.sort((a, b) => a - b);

async function run(seconds: number): Promise<{ ops: number; latencies: number[]; elapsed: number }> {
  const start = performance.now();
  const end = start + seconds * 1000;
  const latencies: number[] = [];
  const worker = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      if (!(await verify(stored, PASSWORD))) throw new Error('argon2 verify failed');
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ops: latencies.length, latencies, elapsed: (performance.now() - start) / 1000 };
}

await run(warmupS);
const machine0 = machineCpu();
const cpu0 = process.cpuUsage();
const r = await run(durationS);
const cpu = process.cpuUsage(cpu0);
const others = otherLoad(machine0, machineCpu(), cpu.user + cpu.system);
r.latencies.sort((a, b) => a - b);
const pct = (p: number) => r.latencies[Math.min(r.latencies.length - 1, Math.floor((p / 100) * r.latencies.length))]!;
process.send!({
  type: 'argon2', opsPerSec: r.ops / r.elapsed, ops: r.ops, seconds: r.elapsed, p50: pct(50), p99: pct(99),
  singleMedianMs: single[5]!, cpuUsPerOp: (cpu.user + cpu.system) / r.ops, otherLoad: others, threadpool: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
} satisfies FromChild, () => process.exit(0));
