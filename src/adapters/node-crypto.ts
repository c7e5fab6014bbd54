import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Random, Secrets } from '../ports/crypto.ts';

// Random bytes are drawn from OpenSSL 4 KiB at a time: each call costs microseconds of fixed
// overhead, and identifiers are drawn several times a request. Each byte is handed out once.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;
function take(length: number): Buffer {
  if (length > POOL_BYTES) return randomBytes(length);
  if (poolOffset + length > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  poolOffset += length;
  return pool.subarray(poolOffset - length, poolOffset);
}

export const nodeRandom: Random = {
  token: (bytes) => take(bytes).toString('base64url'),
  digits(length) {
    let s = '';
    for (let i = 0; i < length; i++) s += randomInt(10).toString();
    return s;
  },
  bytes: (length) => new Uint8Array(take(length)),
};

export interface KeyRing {
  /** The key new data is sealed with. */
  currentId: string;
  /** Every key that may still open data: id → 32-byte key. */
  keys: ReadonlyMap<string, Buffer>;
}

/**
 * Parses `LATCHKEY_ENCRYPTION_KEYS`: comma-separated `id:base64key` pairs, the first
 * being current. Older keys stay listed until their data is re-sealed (rotation).
 */
export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`Encryption key "${id ?? part}" must be "id:<32 bytes in base64>".`);
    keys.set(id, key);
  }
  const currentId = keys.keys().next().value;
  if (currentId === undefined) throw new Error('At least one encryption key is required.');
  return { currentId, keys };
}

/**
 * Secrets backed by node:crypto: SHA-256 digests for high-entropy tokens, HMAC-SHA-256
 * under a server key for low-entropy codes, AES-256-GCM for data at rest.
 */
export function nodeSecrets(ring: KeyRing, macKeyBytes: Buffer): Secrets {
  // A KeyObject made once: HMAC with a raw Buffer key re-imports the key on every call.
  const macKey = createSecretKey(macKeyBytes);
  const secrets: Secrets = {
    // The one-shot hash: two of these run on every authenticated request.
    digest: (secret) => hash('sha256', secret, 'base64url'),
    mac: (context, secret) => createHmac('sha256', macKey).update(`${context}\0${secret}`).digest('base64url'),
    equal(a, b) {
      const ba = Buffer.from(a);
      const bb = Buffer.from(b);
      return ba.length === bb.length && timingSafeEqual(ba, bb);
    },
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', ring.keys.get(ring.currentId)!, iv);
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return ['v1', ring.currentId, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [version, keyId, iv, body, tag] = sealed.split('.');
      const key = ring.keys.get(keyId ?? '');
      if (version !== 'v1' || !key || !iv || body === undefined || !tag) throw new Error('Sealed value is malformed or its key is not configured.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]));
    },
    reseal(sealed) {
      if (sealed.split('.', 2)[1] === ring.currentId) return null;
      return secrets.encrypt(secrets.decrypt(sealed));
    },
  };
  return secrets;
}
