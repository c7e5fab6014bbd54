/** Randomness and secret handling, injected so the core stays pure and testable. */
export interface Random {
  /** A URL-safe random token carrying `bytes` bytes of entropy. */
  token(bytes: number): string;
  /** `length` uniformly random decimal digits. */
  digits(length: number): string;
  /** Raw random bytes. */
  bytes(length: number): Uint8Array;
}

export interface Secrets {
  /** One-way digest of a high-entropy secret (session IDs, keys, device tokens): used as a lookup key. */
  digest(secret: string): string;
  /** Keyed digest for low-entropy secrets (6-digit codes, backup codes), bound to a context such as a challenge ID. */
  mac(context: string, secret: string): string;
  /** Constant-time string equality. */
  equal(a: string, b: string): boolean;
  /** Authenticated encryption at rest (AES-256-GCM); the result names its key, so keys can rotate. */
  encrypt(plaintext: Uint8Array): string;
  decrypt(sealed: string): Uint8Array;
  /** The same value sealed under the current key, or null when it already is (key rotation); throws like decrypt. */
  reseal(sealed: string): string | null;
}

export interface PasswordHasher {
  /** Slow, salted hash (argon2id) computed off the event loop. */
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
