import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';
import type { PasswordHasher } from '../ports/crypto.ts';

/**
 * OWASP Password Storage Cheat Sheet, argon2id option 2: m=19 MiB, t=2, p=1.
 * @node-rs/argon2 runs on libuv's thread pool, so hashing never blocks the event loop.
 */
export const OWASP_ARGON2ID = Object.freeze({ algorithm: 2 /* Algorithm.Argon2id, a const enum */, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export interface Argon2Params { memoryCost: number; timeCost: number; parallelism: number }

/**
 * At most this many hashes run at once: one per core, plus one ready to start the moment a
 * core frees up (while the event loop answers the finished one). More only queue on libuv's
 * pool, where each holds a thread that file and DNS work also need, and compete for the
 * cores and caches (19 MiB of memory each) without finishing any sooner.
 */
export const DEFAULT_HASH_CONCURRENCY = availableParallelism() + 1;

export function argon2Hasher(params: Partial<Argon2Params> = {}, concurrency = DEFAULT_HASH_CONCURRENCY): PasswordHasher {
  const options = { ...OWASP_ARGON2ID, ...params };
  const limit = pLimit(concurrency);
  return {
    hash: (password) => limit(() => hash(password, options)),
    async verify(stored, password) {
      try {
        return await limit(() => verify(stored, password));
      } catch {
        return false;
      }
    },
  };
}
