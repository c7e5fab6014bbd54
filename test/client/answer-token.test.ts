import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createLatchkeyClient, orThrow } from '@latchkey/client';
import { createHarness, waitFor, type Harness } from '../support/harness.ts';
import { createTenant, signIn, type Tenant } from '../support/fixtures.ts';

/** A resume with an answer token carries the token alone: the client leaves the session out (docs/connections.md, "Answer tokens"). */
describe('@latchkey/client with an answer token', () => {
  let h: Harness;
  let t: Tenant;
  let baseUrl: string;
  before(async () => {
    h = await createHarness('sqlite');
    t = await createTenant(h);
    baseUrl = await h.app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(() => h.close());

  it('sends X-Answer-Token with the developer key and no Authorization; other calls keep the session', async () => {
    const sent: Request[] = [];
    const session = await signIn(h, t);
    const lk = createLatchkeyClient({ baseUrl, devKey: t.devKey, session: () => session, fetch: (r) => (sent.push(r.clone()), fetch(r)) });
    const created = orThrow(await lk.POST('/v1/connections', { body: { institutionCode: 'latchkey_sandbox', credentials: { username: 'sdk', password: 'mfa_question' } } }));
    const path = { connectionId: created.connectionId };
    const challenged = await waitFor(async () => {
      const c = orThrow(await lk.GET('/v1/connections/{connectionId}', { params: { path } }));
      return c.state === 'CHALLENGED' ? c : undefined;
    }, 'the challenge');
    const { answerToken } = orThrow(await lk.POST('/v1/connections/{connectionId}/answer-tokens', { params: { path } }));
    const resumed = orThrow(await lk.PUT('/v1/connections/{connectionId}/resume', {
      params: { path }, headers: { 'x-answer-token': answerToken }, body: { challenges: [{ challengeId: challenged.challenges[0]!.challengeId, value: 'correct' }] },
    }));
    assert.equal(resumed.state, 'RESUMED');
    const put = sent.find((r) => r.method === 'PUT')!;
    assert.equal(put.headers.get('x-answer-token'), answerToken);
    assert.equal(put.headers.get('x-dev-key'), t.devKey);
    assert.equal(put.headers.get('authorization'), null);
    assert.equal(sent.find((r) => r.method === 'POST')!.headers.get('authorization'), `Bearer ${session}`);
  });
});
