import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createLatchkeyClient, orThrow } from '@latchkey/client';
import { waitFor } from '../support/harness.ts';
import { signIn } from '../support/fixtures.ts';
import { startListening, type Listening } from '../support/listening.ts';

/** A resume with an answer token carries the token alone: the client leaves the session out (docs/connections.md, "Answer tokens"). */
describe('@latchkey/client with an answer token', () => {
  let s: Listening;
  before(async () => {
    s = await startListening();
  });
  after(() => s?.h.close());

  it('sends X-Answer-Token with the developer key and no Authorization; other calls keep the session', async () => {
    const sent: Request[] = [];
    const session = await signIn(s.h, s.t);
    const lk = createLatchkeyClient({ baseUrl: s.baseUrl, devKey: s.t.devKey, session: () => session, fetch: (r) => (sent.push(r.clone()), fetch(r)) });
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
    assert.equal(put.headers.get('x-dev-key'), s.t.devKey);
    assert.equal(put.headers.get('authorization'), null);
    assert.equal(sent.find((r) => r.method === 'POST')!.headers.get('authorization'), `Bearer ${session}`);
  });
});
