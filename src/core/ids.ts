import type { Random } from '../ports/crypto.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTVWXYZ';

/** A random identifier: `prefix` followed by enough random characters to make `length`. */
export function newId(random: Random, prefix: string, length = 20): string {
  const bytes = random.bytes(length - prefix.length);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/**
 * An identifier that sorts by time: `prefix`, `at` in milliseconds as 9 base-33 digits
 * (good until the year 3500), then random characters to make `length`. Append-only tables
 * keyed by it (the audit log) insert at the end of their index instead of at random pages.
 */
export function timeOrderedId(random: Random, prefix: string, at: number, length = 28): string {
  let time = '';
  for (let t = Math.max(0, Math.floor(at)), i = 0; i < 9; i++, t = Math.floor(t / ALPHABET.length)) time = ALPHABET[t % ALPHABET.length] + time;
  return newId(random, prefix + time, length);
}

/** Organization IDs begin with 008 and user IDs with 006, as BILL's do; both random. */
export const orgId = (r: Random) => newId(r, '008');
export const userId = (r: Random) => newId(r, '006');
