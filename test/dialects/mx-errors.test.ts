/**
 * MX's errors are MX's: `{"error": {"message"}}` with the statuses MX documents —
 * 401 for bad Basic credentials, 406 without MX's Accept header, 400 for malformed
 * bodies, 404 for unknown records and routes, 405 when resume's constraint (a
 * challenged member) is not met, 204 from challenges when there are none. Never a
 * 500, never Fastify's error shape.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { CONNECTION_STATES } from '../../src/core/connection/connection-state.ts';
import { mxStatusOf, MX_CONNECTION_STATUS_IDS } from '../../src/dialects/mx/mx-status.ts';
import { assertMxError, basic, openMxSuite, type MxSuite } from './mx-support.ts';

describe('MX dialect: every Latchkey state has an MX connection_status', () => {
  it('maps settled states one to one, and work in progress by where its job started', () => {
    const settled = Object.fromEntries(CONNECTION_STATES.filter((s) => s !== 'PROCESSING').map((s) => [s, mxStatusOf(s, null, false)]));
    assert.deepEqual(settled, {
      CREATED: 'CREATED', CHALLENGED: 'CHALLENGED', RESUMED: 'RESUMED', CONNECTED: 'CONNECTED', REJECTED: 'REJECTED', EXPIRED: 'EXPIRED',
      DENIED: 'DENIED', PREVENTED: 'PREVENTED', LOCKED: 'LOCKED', HOLD: 'IMPEDED', INSTITUTION_DOWN: 'FAILED', INTERACTIVE_REQUIRED: 'EXPIRED',
    });
    assert.equal(mxStatusOf('PROCESSING', 'CREATED', false), 'CREATED');
    assert.equal(mxStatusOf('PROCESSING', 'CONNECTED', false), 'CONNECTED');
    assert.equal(mxStatusOf('PROCESSING', 'DENIED', false), 'UPDATED');
    assert.equal(mxStatusOf('CHALLENGED', 'CREATED', true), 'CREATED', 'a prompt waits like work in progress');
    assert.deepEqual([MX_CONNECTION_STATUS_IDS.CHALLENGED, MX_CONNECTION_STATUS_IDS.RESUMED, MX_CONNECTION_STATUS_IDS.EXPIRED], [3, 18, 19]);
  });
});

for (const backend of BACKENDS) {
  describe(`MX dialect: errors in MX's shape [${backend}]`, () => {
    let mx: MxSuite;
    let user: string;
    let connected: string;
    before(async () => {
      mx = await openMxSuite(backend);
      user = await mx.newUser();
      connected = (await mx.newMember(user, 'mxuser', 'no-mfa')).guid;
      await mx.settle();
    });
    after(() => mx.h.close());

    it('401 for missing or wrong Basic credentials', async () => {
      const cases: (string | null)[] = [
        null,
        `Bearer ${mx.apiKey}`,
        'Basic',
        'Basic !!!not-base64',
        basic(mx.clientId, 'lk_dev_wrong'),
        basic('key_SOMEONEELSE', mx.apiKey),
        `Basic ${Buffer.from(mx.apiKey).toString('base64')}`,
        basic(mx.clientId, ''),
      ];
      for (const authorization of cases) {
        const r = await mx.call('GET', '/users', { authorization });
        assertMxError(r, 401, /client ID or API key/);
        assert.match(String(r.headers['www-authenticate']), /^Basic /);
      }
    });

    it('406 without MX\'s versioned Accept header', async () => {
      assertMxError(await mx.call('GET', '/users', { accept: null }), 406, /Accept: application\/vnd\.mx\.api\.v1\+json/);
      assertMxError(await mx.call('GET', '/users', { accept: 'application/json' }), 406);
      assert.equal((await mx.call('GET', '/users', { accept: 'application/vnd.mx.api.v1+json; charset=utf-8' })).statusCode, 200);
    });

    it('204 from challenges and 405 from resume when the member is not challenged', async () => {
      const c = await mx.call('GET', `/users/${user}/members/${connected}/challenges`);
      assert.equal(c.statusCode, 204);
      assert.equal(c.body, '');
      const r = await mx.call('PUT', `/users/${user}/members/${connected}/resume`, { body: { member: { challenges: [{ guid: 'CRD-x', value: 'correct' }] } } });
      assertMxError(r, 405, /not waiting for MFA answers/);
    });

    it('400 for malformed resume bodies, and for answers that do not match the challenges', async () => {
      const u = await mx.newUser();
      const { guid: m } = await mx.newMember(u, 'mxuser', 'challenge');
      await mx.settle();
      const [challenge] = (await mx.status(u, m)).challenges;
      const path = `/users/${u}/members/${m}/resume`;
      for (const body of [
        {}, { member: {} }, { member: { challenges: [] } }, { member: { challenges: 'correct' } },
        { member: { challenges: [{ guid: challenge.guid }] } }, { member: { challenges: [{ guid: challenge.guid, value: 7 }] } },
        { member: { challenges: [{ guid: 42, value: 'correct' }] } }, [],
      ]) assertMxError(await mx.call('PUT', path, { body }), 400);
      assertMxError(await mx.call('PUT', path), 400);
      assertMxError(await mx.call('PUT', path, { body: '{"member": ', headers: { 'content-type': 'application/json' } }), 400, /not valid JSON/);
      assertMxError(await mx.call('PUT', path, { body: { member: { challenges: [{ guid: 'CRD-unknown', value: 'correct' }] } } }), 400, /CRD-unknown/);
      assertMxError(await mx.call('PUT', path, { body: { member: { challenges: [{ guid: challenge.guid, value: '' }] } } }), 400);
      const dup = [{ guid: challenge.guid, value: 'correct' }, { guid: challenge.guid, value: 'correct' }];
      assertMxError(await mx.call('PUT', path, { body: { member: { challenges: dup } } }), 400, new RegExp(challenge.guid));
      assert.equal((await mx.status(u, m)).connection_status, 'CHALLENGED', 'a refused resume changes nothing');
      const ok = await mx.call('PUT', path, { body: { member: { challenges: [{ guid: challenge.guid, value: 'correct' }] } }, headers: { 'content-type': 'application/vnd.mx.api.v1+json' } });
      assert.equal(ok.statusCode, 202, ok.body);
    });

    it('400 for malformed users and members', async () => {
      for (const body of [{}, { user: 'x' }, { user: { id: 5 } }, { user: { is_disabled: 'yes' } }]) assertMxError(await mx.call('POST', '/users', { body }), 400);
      const creds = (await mx.call('GET', '/institutions/mxbank/credentials')).json().credentials;
      const path = `/users/${user}/members`;
      for (const body of [
        {}, { member: { institution_code: 'mxbank' } }, { member: { institution_code: 'mxbank', credentials: [] } },
        { member: { credentials: [{ guid: creds[0].guid, value: 'mxuser' }] } },
      ]) assertMxError(await mx.call('POST', path, { body }), 400);
      const bad = { member: { institution_code: 'mxbank', credentials: [{ guid: 'CRD-latchkey_sandbox-username', value: 'mxuser' }] } };
      assertMxError(await mx.call('POST', path, { body: bad }), 400, /not a credential of MX Bank/);
      const missing = { member: { institution_code: 'mxbank', credentials: [{ guid: creds[0].guid, value: 'mxuser' }] } };
      assertMxError(await mx.call('POST', path, { body: missing }), 400, /Password is required/);
      assertMxError(await mx.call('POST', '/users', { body: 'id=1', headers: { 'content-type': 'text/plain' } }), 415);
      assertMxError(await mx.call('GET', '/users?page=0'), 400);
      assertMxError(await mx.call('GET', '/users?records_per_page=lots'), 400);
    });

    it('404 for unknown records and routes', async () => {
      for (const path of [
        '/users/USR-nope', '/users/nope', `/users/${user}/members/MBR-nope`, `/users/${user}/members/${connected.slice(4)}`,
        `/users/${user}/members/${connected}/tax_documents/TAX-nope`, '/no/such/route', '/institutions/nobank/credentials',
      ]) assertMxError(await mx.call('GET', path), 404, /unable to find/);
      assertMxError(await mx.call('POST', `/users/USR-nope/members`, { body: { member: { institution_code: 'mxbank', credentials: [{ guid: 'x', value: 'y' }] } } }), 404);
      assertMxError(await mx.call('POST', `/users/${user}/members`, { body: { member: { institution_code: 'nobank', credentials: [{ guid: 'x', value: 'y' }] } } }), 404);
    });
  });
}
