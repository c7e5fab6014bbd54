/**
 * The storage contract: every backend keeps the ATOMIC guarantees written in
 * src/ports/store.ts. Concurrent callers race on one row; exactly one may win.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/ports/store.ts';
import type { Challenge, Factor, User } from '../../src/core/model.ts';
import { openStore } from '../../src/storage/open-database.ts';
import { BACKENDS, createTestDatabase } from '../support/backends.ts';

const RACERS = 25;
let seq = 0;
const id = (p: string) => `${p}${(++seq).toString().padStart(8, '0')}`;

async function seedUser(store: Store): Promise<User> {
  const orgId = id('008');
  await store.organizations.insert({
    id: orgId, name: 'o', mfaRequired: true, allowEmailFactor: true, sessionIdleMinutes: 35, rememberDeviceDays: 180,
    allowedOrigins: ['https://a.example'], partnerKeyId: null, createdAt: 1,
  });
  const user: User = { id: id('006'), orgId, username: `u${seq}`, passwordHash: 'h', email: null, phone: null, failedAttempts: 0, lockedUntil: null, createdAt: 1 };
  await store.users.insert(user);
  return user;
}

async function seedFactor(store: Store, user: User): Promise<Factor> {
  const f: Factor = {
    id: id('fac_'), userId: user.id, orgId: user.orgId, type: 'totp', status: 'active', label: 'app', destination: null,
    secretEnc: 'x', lastUsedStep: null, createdAt: 1, activatedAt: 1,
  };
  await store.factors.insert(f);
  return f;
}

async function seedChallenge(store: Store, user: User, factor: Factor, over: Partial<Challenge> = {}): Promise<Challenge> {
  const c: Challenge = {
    id: id('chl_'), userId: user.id, orgId: user.orgId, sessionId: 'ses_x', factorId: factor.id, purpose: 'sign_in', codeHash: 'h',
    attempts: 0, maxAttempts: 5, sends: 1, createdAt: 1, expiresAt: 1_000_000, completedAt: null, ...over,
  };
  await store.challenges.insert(c);
  return c;
}

const race = <T>(n: number, fn: () => Promise<T>) => Promise.all(Array.from({ length: n }, fn));

for (const backend of BACKENDS) {
  describe(`storage contract [${backend}]`, () => {
    let store: Store;
    let drop: (() => Promise<void>) | undefined;
    before(async () => {
      if (backend === 'postgres') {
        const db = await createTestDatabase();
        drop = db.drop;
        ({ store } = await openStore({ databaseUrl: db.url, dataDir: '' }));
      } else {
        ({ store } = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'lk-store-')) }));
      }
    });
    after(async () => {
      await store.close();
      await drop?.();
    });

    it('round-trips an organization with booleans and JSON intact', async () => {
      const u = await seedUser(store);
      const org = await store.organizations.get(u.orgId);
      assert.deepEqual(org?.allowedOrigins, ['https://a.example']);
      assert.equal(org?.mfaRequired, true);
      await store.organizations.update(u.orgId, { mfaRequired: false, allowedOrigins: ['*'] });
      const after = await store.organizations.get(u.orgId);
      assert.equal(after?.mfaRequired, false);
      assert.deepEqual(after?.allowedOrigins, ['*']);
      assert.equal(typeof after?.createdAt, 'number');
    });

    it('users.findForSignIn: the organization, its user of that name, and whether the user has an active factor', async () => {
      const u = await seedUser(store);
      const other = await seedUser(store);
      assert.equal(await store.users.findForSignIn('008missing', u.username), null);
      const found = await store.users.findForSignIn(u.orgId, u.username);
      assert.deepEqual(found?.user, u);
      assert.equal(found?.org.id, u.orgId);
      assert.deepEqual(found?.org.allowedOrigins, ['https://a.example']);
      assert.equal(found?.hasActiveFactor, false);
      const nobody = await store.users.findForSignIn(u.orgId, other.username);
      assert.equal(nobody?.org.id, u.orgId, 'a user of another organization is not found');
      assert.equal(nobody?.user, null);
      assert.equal(nobody?.hasActiveFactor, false);
      const f = await seedFactor(store, u);
      assert.equal((await store.users.findForSignIn(u.orgId, u.username))?.hasActiveFactor, true);
      await store.factors.delete(f.id);
      await store.factors.insert({ ...f, id: id('fac_'), status: 'pending', activatedAt: null });
      assert.equal((await store.users.findForSignIn(u.orgId, u.username))?.hasActiveFactor, false, 'a factor being set up is not active');
    });

    it('challenges.complete: exactly one of many concurrent callers wins', async () => {
      const u = await seedUser(store);
      const c = await seedChallenge(store, u, await seedFactor(store, u));
      const wins = (await race(RACERS, () => store.challenges.complete(c.id, 10))).filter(Boolean);
      assert.equal(wins.length, 1);
      assert.equal((await store.challenges.getWithFactor(c.id))?.challenge.completedAt, 10);
    });

    it('challenges.getWithFactor reads a challenge with its factor, both intact, and no factor once it is removed', async () => {
      const u = await seedUser(store);
      const f = await seedFactor(store, u);
      const c = await seedChallenge(store, u, f);
      assert.deepEqual(await store.challenges.getWithFactor(c.id), { challenge: c, factor: f });
      await store.factors.delete(f.id);
      assert.deepEqual(await store.challenges.getWithFactor(c.id), { challenge: c, factor: null });
      assert.equal(await store.challenges.getWithFactor('chl_missing'), null);
    });

    it('challenges.complete refuses an expired or exhausted challenge', async () => {
      const u = await seedUser(store);
      const f = await seedFactor(store, u);
      const expired = await seedChallenge(store, u, f, { expiresAt: 5 });
      assert.equal(await store.challenges.complete(expired.id, 5), false);
      const exhausted = await seedChallenge(store, u, f, { attempts: 5 });
      assert.equal(await store.challenges.complete(exhausted.id, 1), false);
    });

    it('challenges.recordWrongAttempt counts every concurrent failure and stops after completion', async () => {
      const u = await seedUser(store);
      const c = await seedChallenge(store, u, await seedFactor(store, u));
      const counts = await race(RACERS, () => store.challenges.recordWrongAttempt(c.id));
      assert.deepEqual([...counts].sort((a, b) => a! - b!), Array.from({ length: RACERS }, (_, i) => i + 1));
      const c2 = await seedChallenge(store, u, await seedFactor(store, u));
      await store.challenges.complete(c2.id, 1);
      assert.equal(await store.challenges.recordWrongAttempt(c2.id), null);
    });

    it('factors.claimTotpStep: one winner per step, and never an older step', async () => {
      const u = await seedUser(store);
      const f = await seedFactor(store, u);
      assert.equal((await race(RACERS, () => store.factors.claimTotpStep(f.id, 100))).filter(Boolean).length, 1);
      assert.equal(await store.factors.claimTotpStep(f.id, 100), false, 'same step again');
      assert.equal(await store.factors.claimTotpStep(f.id, 99), false, 'older step');
      assert.equal(await store.factors.claimTotpStep(f.id, 101), true, 'newer step');
    });

    it('backupCodes.consume: a code is used exactly once under concurrency', async () => {
      const u = await seedUser(store);
      const f = await seedFactor(store, u);
      await store.backupCodes.replaceAll(f.id, u.id, ['a', 'b', 'c']);
      assert.equal((await race(RACERS, () => store.backupCodes.consume(u.id, 'b', 1))).filter(Boolean).length, 1);
      assert.equal(await store.backupCodes.countUnused(u.id), 2);
      assert.equal(await store.backupCodes.consume(u.id, 'zzz', 1), false);
      const other = await seedUser(store);
      assert.equal(await store.backupCodes.consume(other.id, 'a', 1), false, 'another user\'s code');
    });

    it('users.recordFailure: the threshold-th concurrent failure locks, exactly once', async () => {
      const u = await seedUser(store);
      const results = await race(10, () => store.users.recordFailure(u.id, 10, 9999));
      assert.equal(results.filter((r) => r.locked).length, 1);
      const after = await store.users.get(u.id);
      assert.equal(after?.lockedUntil, 9999);
      assert.equal(after?.failedAttempts, 0, 'the count restarts with the lock');
      await store.users.clearFailures(u.id);
      assert.equal((await store.users.get(u.id))?.lockedUntil, null);
    });

    it('counters.hit hands out every count exactly once', async () => {
      const key = id('k:');
      const counts = await race(RACERS, () => store.counters.hit(key, 1000));
      assert.deepEqual([...counts].sort((a, b) => a - b), Array.from({ length: RACERS }, (_, i) => i + 1));
      assert.equal(await store.counters.peek(key, 1000), RACERS);
      assert.equal(await store.counters.peek(key, 2000), 0, 'another window');
      await store.counters.reset(key);
      assert.equal(await store.counters.peek(key, 1000), 0);
    });

    it('settings upsert', async () => {
      await store.settings.set('k', '1');
      await store.settings.set('k', '2');
      assert.equal(await store.settings.get('k'), '2');
      assert.equal(await store.settings.get('missing'), null);
    });
  });
}
