import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { configFromEnv } from '../../src/config.ts';
import { DEFAULT_CONTEXT_CACHE } from '../../src/storage/context-cache.ts';

describe('configFromEnv: LATCHKEY_CONTEXT_CACHE_MS', () => {
  it('defaults to the context cache\'s TTL, and 0 turns the cache off', () => {
    assert.equal(configFromEnv({}).contextCacheMs, DEFAULT_CONTEXT_CACHE.ttlMs);
    assert.equal(configFromEnv({ LATCHKEY_CONTEXT_CACHE_MS: '0' }).contextCacheMs, 0);
    assert.equal(configFromEnv({ LATCHKEY_CONTEXT_CACHE_MS: '500' }).contextCacheMs, 500);
  });

  it('refuses a negative or non-numeric value, naming the variable', () => {
    for (const bad of ['-1', '1.5', 'soon']) {
      assert.throws(() => configFromEnv({ LATCHKEY_CONTEXT_CACHE_MS: bad }), new RegExp(`LATCHKEY_CONTEXT_CACHE_MS must be a whole number of at least 0, got "${bad.replace('.', '\\.')}"`));
    }
  });
});
