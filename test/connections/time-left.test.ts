import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Harness } from '../support/harness.ts';
import type { Tenant } from '../support/fixtures.ts';
import { openConnectionSuite, type ConnectionApi } from './support.ts';

/** Challenges say how long is left by the server's clock, so a page's countdown does not depend on the browser's clock. */
describe('challenges carry expiresInSeconds', () => {
  let h: Harness, t: Tenant, session: string, api: ConnectionApi;
  before(async () => ({ h, t, session, api } = await openConnectionSuite('sqlite')));
  after(() => h.close());

  it('counts down with the server\'s clock, rounded up, on the connection and on its challenge list', async () => {
    const c = await api.create('mfa_question', 'timer');
    const [ch] = (await api.waitForState(c.connectionId, ['CHALLENGED'])).challenges;
    assert.equal(ch.expiresInSeconds, 600);
    assert.equal(ch.expiresInSeconds, (Date.parse(ch.expiresAt) - h.time.ms) / 1000);
    h.time.advance(61_500);
    assert.equal((await api.get(c.connectionId)).challenges[0].expiresInSeconds, 539, '538.5 s left shows as 539');
    h.time.advance(538_000);
    const list = await h.call('GET', `/v1/connections/${c.connectionId}/challenges`, { devKey: t.devKey, session });
    assert.equal(list.json().challenges[0].expiresInSeconds, 1);
  });
});
