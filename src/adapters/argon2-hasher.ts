import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../ports/crypto.ts';

/**
 * OWASP Password Storage Cheat Sheet, argon2id option 2: m=19 MiB, t=2, p=1.
 * @node-rs/argon2 runs on libuv's thread pool, so hashing never blocks the event loop.
 */
export const OWASP_ARGON2ID = Object.freeze({ algorithm: 2 /* Algorithm.Argon2id, a const enum */, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export interface Argon2Params { memoryCost: number; timeCost: number; parallelism: number }

export function argon2Hasher(params: Partial<Argon2Params> = {}): PasswordHasher {
  const options = { ...OWASP_ARGON2ID, ...params };
  return {
    hash: (password) => hash(password, options),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}
