/**
 * Key rotation (src/storage/sql/reseal.ts): after a new key is put first in
 * LATCHKEY_ENCRYPTION_KEYS, `latchkey admin reseal` seals every stored secret under it, so
 * that the old key can be removed without losing a TOTP secret, an institution credential
 * or a webhook's signing secret.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Store } from '../../src/ports/store.ts';
import type { ConnectionDatabase, Database } from '../../src/storage/sql/schema.ts';
import { sqlConnectionStore } from '../../src/storage/sql/sql-connection-store.ts';
import { resealAll, SEALED_COLUMNS } from '../../src/storage/sql/reseal.ts';
import { nodeSecrets, parseKeyRing } from '../../src/adapters/node-crypto.ts';
import { BACKENDS } from '../support/backends.ts';
import { openTestStore, seedOrgAndUser, type TestStore } from '../support/store.ts';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const MAC = randomBytes(32);
const OLD = key('old');
const NEW = key('new');
const secretsOf = (spec: string) => nodeSecrets(parseKeyRing(spec), MAC);

describe('Secrets.reseal', () => {
  it('seals a value under the current key, keeps its plaintext, and leaves one already sealed under it alone', () => {
    const sealed = secretsOf(OLD).encrypt(new TextEncoder().encode('JBSWY3DPEHPK3PXP'));
    const rotated = secretsOf(`${NEW},${OLD}`);
    const fresh = rotated.reseal(sealed)!;
    assert.match(fresh, /^v1\.new\./);
    assert.equal(new TextDecoder().decode(secretsOf(NEW).decrypt(fresh)), 'JBSWY3DPEHPK3PXP');
    assert.equal(rotated.reseal(fresh), null);
    assert.throws(() => secretsOf(NEW).reseal(sealed), /key is not configured/);
  });
});

describe('SEALED_COLUMNS', () => {
  it('lists every column the migrations create for sealed values (*_enc)', () => {
    const dir = join(import.meta.dirname, '../../src/storage/migrations');
    const found: string[] = [];
    for (const file of readdirSync(dir).filter((f) => /^\d+-.*\.ts$/.test(f))) {
      for (const block of readFileSync(join(dir, file), 'utf8').split("createTable('").slice(1)) {
        const table = block.slice(0, block.indexOf("'"));
        for (const m of block.split('createTable')[0]!.matchAll(/addColumn\('(\w+_enc)'/g)) found.push(`${table}.${m[1]}`);
      }
    }
    assert.deepEqual(found.sort(), SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort());
  });
});

for (const backend of BACKENDS) {
  describe(`latchkey admin reseal's work [${backend}]`, () => {
    let store: Store;
    let db: Kysely<Database>;
    let opened: TestStore;
    before(async () => {
      opened = await openTestStore(backend);
      ({ store, db } = opened);
      await seedOrgAndUser(store, '008K', '006K');
    });
    after(() => opened.close());

    it('seals every stored secret under the new key, readable without the old one; a value no key opens is reported, not lost', async () => {
      const old = secretsOf(OLD);
      const text = (s: string) => new TextEncoder().encode(s);
      const factor = (id: string, secretEnc: string) => store.factors.insert({
        id, userId: '006K', orgId: '008K', type: 'totp', status: 'active', label: 'app', destination: null, secretEnc, lastUsedStep: null, createdAt: 1, activatedAt: 1,
      });
      for (let i = 0; i < 250; i++) await factor(`fac_${String(i).padStart(3, '0')}`, old.encrypt(text(`totp-${i}`))); // more than one chunk
      await factor('fac_lost', secretsOf(key('gone')).encrypt(text('nobody can read this')));
      const connections = sqlConnectionStore(db as unknown as Kysely<ConnectionDatabase>, { skipLocked: backend === 'postgres' });
      await connections.webhooks.insertEndpoint({ id: 'whe_1', orgId: '008K', url: 'https://hooks.example/x', secretEnc: old.encrypt(text('whsec')), createdAt: 1, disabledAt: null });

      const report = await resealAll(db, secretsOf(`${NEW},${OLD}`));
      assert.equal(report.resealed['factors.secret_enc'], 250);
      assert.equal(report.resealed['webhook_endpoints.secret_enc'], 1);
      assert.deepEqual(report.unreadable, ['factors.secret_enc fac_lost']);
      assert.equal(report.stale, 0);

      const onlyNew = secretsOf(NEW);
      const factors = await store.factors.listByUser('006K');
      const opened = factors.filter((f) => f.id !== 'fac_lost').map((f) => new TextDecoder().decode(onlyNew.decrypt(f.secretEnc!)));
      assert.equal(opened.length, 250);
      assert.ok(opened.includes('totp-0') && opened.includes('totp-249'));
      assert.equal(new TextDecoder().decode(onlyNew.decrypt((await connections.webhooks.getEndpoint('whe_1'))!.secretEnc)), 'whsec');

      const again = await resealAll(db, secretsOf(`${NEW},${OLD}`));
      assert.ok(Object.values(again.resealed).every((n) => n === 0), 'a second run changes nothing');
    });

    // On SQLite the competing write runs before the reseal's own update (one connection, in order); on a pool it could go either way.
    if (backend === 'sqlite') it('a value a server keeps writing under the old key meanwhile is reported as stale, not as done', async () => {
      const old = secretsOf(OLD);
      const text = new TextEncoder().encode('rewritten');
      await store.factors.insert({
        id: 'fac_busy', userId: '006K', orgId: '008K', type: 'totp', status: 'active', label: 'app', destination: null,
        secretEnc: old.encrypt(text), lastUsedStep: null, createdAt: 1, activatedAt: 1,
      });
      const rotated = secretsOf(`${NEW},${OLD}`);
      // A server still running with the old key first writes the value again between each read and its update.
      const racing = {
        reseal: (sealed: string) => {
          const fresh = rotated.reseal(sealed);
          void db.updateTable('factors').set({ secretEnc: old.encrypt(text) }).where('id', '=', 'fac_busy').execute();
          return fresh;
        },
      };
      const report = await resealAll(db, racing);
      assert.equal(report.stale, 1);
    });
  });
}
