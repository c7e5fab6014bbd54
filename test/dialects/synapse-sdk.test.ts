import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { BACKENDS } from '../support/backends.ts';
import { ensureSandbox } from '../../src/sandbox/seed.ts';
import { FAKE, FINGERPRINT, openSynapseSuite, V31, type SynapseSuite } from './synapse-support.ts';

/**
 * Conformance: Synapse's own Node SDK (`synapsenode` 1.2.x, axios over real HTTP)
 * against Latchkey, with only its host changed. The SDK fixes its base URL per
 * environment in the Client constructor (`this.host`); setting `client.host` after
 * construction is the one change, and every User it makes copies it.
 */

interface SdkResponse { status: number; data: any }
interface SdkUser {
  id: string;
  body: any;
  oauth_key: string;
  _oauthUser(body: { refresh_token: string }): Promise<any>;
  createNode(body: unknown): Promise<SdkResponse>;
  verifyAchMfa(accessToken: string, answer: string): Promise<SdkResponse>;
  getAllUserNodes(query?: Record<string, unknown>): Promise<SdkResponse>;
  getNode(nodeId: string): Promise<SdkResponse>;
}
interface SdkClient {
  host: string;
  createUser(body: unknown, ipAddress: string): Promise<SdkUser>;
  getUser(userId: string): Promise<SdkUser>;
}
type ClientCtor = new (opts: { client_id: string; client_secret: string; fingerprint: string; ip_address: string; isProduction: boolean }) => SdkClient;

const { Client } = createRequire(import.meta.url)('synapsenode') as { Client: ClientCtor };

// axios 0.18 would send even 127.0.0.1 through a configured proxy.
for (const name of ['http_proxy', 'HTTP_PROXY']) delete process.env[name];

for (const backend of BACKENDS) {
  describe(`synapsenode SDK against Latchkey [${backend}]`, () => {
    let s: SynapseSuite;
    let base: string;
    before(async () => {
      s = await openSynapseSuite(backend);
      await s.h.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(s.h.app.server.address() as AddressInfo).port}`;
    });
    after(() => s.h.close());

    const client = (clientId: string, clientSecret: string) => {
      const c = new Client({ client_id: clientId, client_secret: clientSecret, fingerprint: FINGERPRINT, ip_address: '127.0.0.1', isProduction: false });
      c.host = `${base}${V31}`;
      return c;
    };
    const bankLogin = (bankId: string) => ({ type: 'ACH-US', info: { bank_id: bankId, bank_pw: FAKE.bank_pw, bank_name: FAKE.bank_name } });

    test('createUser (which OAuths the user), getUser, _oauthUser', async () => {
      const c = client(s.t.orgId, s.t.partnerKey);
      const user = await c.createUser({ logins: [{ email: 'sdk-user@example.com' }], phone_numbers: ['+15555550199'], legal_names: ['Sdk User'] }, '127.0.0.1');
      assert.match(user.oauth_key, /^oauth_/);
      const again = await c.getUser(user.id);
      assert.equal(again.id, user.id);
      assert.match(again.oauth_key, /^oauth_/);
      const oauth = await again._oauthUser({ refresh_token: again.body.refresh_token });
      assert.equal(oauth.user_id, user.id);
    });

    test('createNode (bank login) → 202 MFA → verifyAchMfa(access_token, mfa_answer) → 200 nodes', async () => {
      const user = await client(s.t.orgId, s.t.partnerKey).createUser({ logins: [{ email: 'sdk-mfa@example.com' }] }, '127.0.0.1');
      const mfa = await user.createNode(bankLogin('synapse_good'));
      assert.equal(mfa.status, 202);
      assert.equal(mfa.data.error_code, '10');
      assert.equal(mfa.data.mfa.message, 'I heard you like questions so we put a question in your question?');
      const linked = await user.verifyAchMfa(mfa.data.mfa.access_token, FAKE.answer);
      assert.equal(linked.status, 200);
      assert.equal(linked.data.error_code, '0');
      assert.equal(linked.data.nodes.length, 2);
      const noMfa = await user.createNode(bankLogin('synapse_nomfa'));
      assert.equal(noMfa.status, 200);
      const all = await user.getAllUserNodes();
      assert.equal(all.data.node_count, 4);
      const one = await user.getNode(all.data.nodes[0]._id);
      assert.equal(one.data._id, all.data.nodes[0]._id);
    });

    test('a wrong answer rejects with Synapse\'s error body, which carries the next question', async () => {
      const user = await client(s.t.orgId, s.t.partnerKey).createUser({ logins: [{ email: 'sdk-wrong@example.com' }] }, '127.0.0.1');
      const mfa = await user.createNode(bankLogin('synapse_good'));
      const err = await user.verifyAchMfa(mfa.data.mfa.access_token, 'nope').then(() => null, (e: { response: SdkResponse }) => e.response);
      assert.equal(err?.status, 400);
      assert.equal(err?.data.error_code, '400');
      assert.equal(err?.data.success, false);
      assert.equal((await user.verifyAchMfa(err?.data.mfa.access_token, FAKE.answer)).status, 200);
    });

    // Last: seeding the sandbox installs its own admin token.
    test('data/sandbox.json "synapse": its gateway, user and refresh_token work as they are', async () => {
      const sandbox = await ensureSandbox(s.h.lk, base) as unknown as { synapse: Record<string, any> };
      const syn = sandbox.synapse;
      assert.equal(syn.base_url_v3_1, `${base}${V31}`);
      assert.equal(syn.base_url_v2, `${base}/synapse/api/v2`);
      const c = client(syn.client_id, syn.client_secret);
      c.host = syn.base_url_v3_1;
      const user = await c.getUser(syn.user_id);
      assert.equal(user.body.refresh_token, syn.refresh_token);
      const mfa = await user.createNode({ type: 'ACH-US', info: { bank_id: syn.bank.bank_id_question, bank_pw: syn.bank.bank_pw, bank_name: syn.bank.bank_name } });
      assert.equal((await user.verifyAchMfa(mfa.data.mfa.access_token, syn.bank.mfa_answer)).status, 200);
    });
  });
}
