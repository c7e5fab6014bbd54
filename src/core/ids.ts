import type { Random } from '../ports/crypto.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTVWXYZ';

/** A random identifier: `prefix` followed by enough random characters to make `length`. */
export function newId(random: Random, prefix: string, length = 20): string {
  const bytes = random.bytes(length - prefix.length);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** Organization IDs begin with 008 and user IDs with 006, as BILL's do; both random. */
export const orgId = (r: Random) => newId(r, '008');
export const userId = (r: Random) => newId(r, '006');
