/**
 * Conformance: MX's own Node SDK (mx-platform-node v2, API v20111101), configured as
 * MX's README shows, pointed at Latchkey's /mx base URL, runs seed 002's flow
 * unchanged. Tax documents are not in SDK v2 (MX removed them from its v20111101
 * spec), so those calls are plain HTTP built as MX's docs show them.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AccountsApi, Configuration, InstitutionsApi, MembersApi, UsersApi } from 'mx-platform-node';
import { BACKENDS } from '../support/backends.ts';
import { waitFor } from '../support/harness.ts';
import { basic, MX_ACCEPT, openMxSuite, type MxSuite } from './mx-support.ts';

interface Sdk { users: UsersApi; institutions: InstitutionsApi; members: MembersApi; accounts: AccountsApi }

function sdk(basePath: string, username: string, password: string): Sdk {
  const configuration = new Configuration({ basePath, username, password, baseOptions: { headers: { Accept: MX_ACCEPT } } });
  return {
    users: new UsersApi(configuration), institutions: new InstitutionsApi(configuration),
    members: new MembersApi(configuration), accounts: new AccountsApi(configuration),
  };
}

/** The MX error an SDK call rejected with. */
async function rejection(p: Promise<unknown>): Promise<{ status: number; data: any }> {
  try {
    await p;
  } catch (err) {
    const res = (err as { response?: { status: number; data: unknown } }).response;
    assert.ok(res, String(err));
    return res;
  }
  throw new Error('the call succeeded');
}

for (const backend of BACKENDS) {
  describe(`MX dialect: the official mx-platform-node SDK [${backend}]`, () => {
    let mx: MxSuite;
    let basePath: string;
    let api: Sdk;
    before(async () => {
      mx = await openMxSuite(backend, { worker: true });
      await mx.h.app.listen({ host: '127.0.0.1', port: 0 });
      const addr = mx.h.app.server.address();
      basePath = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/mx`;
      api = sdk(basePath, mx.clientId, mx.apiKey);
    });
    after(() => mx.h.close());

    const statusOf = async (user: string, member: string) => (await api.members.readMemberStatus(member, user)).data.member!;
    const waitStatus = (user: string, member: string, statuses: string[]) => waitFor(async () => {
      const s = await statusOf(user, member);
      return statuses.includes(s.connection_status ?? '') ? s : undefined;
    }, `member ${member} to be ${statuses.join('|')}`);

    it('users: createUser, readUser, listUsers', async () => {
      const created = (await api.users.createUser({ user: { id: 'sdk-user', email: 'sdk@example.com', metadata: 'm' } })).data.user!;
      assert.match(created.guid!, /^USR-/);
      assert.equal(created.id, 'sdk-user');
      assert.deepEqual((await api.users.readUser(created.guid!)).data.user, created);
      const listed = (await api.users.listUsers(1, 25, 'sdk-user')).data;
      assert.deepEqual(listed.users, [created]);
      assert.equal(listed.pagination?.total_entries, 1);
    });

    it('institutions: listInstitutions, readInstitution, listInstitutionCredentials', async () => {
      assert.ok((await api.institutions.listInstitutions('MX Bank')).data.institutions!.some((i) => i.code === 'mxbank'));
      assert.equal((await api.institutions.readInstitution('mxbank')).data.institution!.name, 'MX Bank');
      const creds = (await api.institutions.listInstitutionCredentials('mxbank')).data.credentials!;
      assert.deepEqual(creds.map((c) => c.type), ['LOGIN', 'PASSWORD']);
    });

    it('seed 002 through the SDK: createMember, readMemberStatus (CHALLENGED), listMemberChallenges, resumeAggregation, then CONNECTED', async () => {
      const user = (await api.users.createUser({ user: { id: 'sdk-seed' } })).data.user!.guid!;
      const [login, secret] = (await api.institutions.listInstitutionCredentials('mxbank')).data.credentials!;
      const created = await api.members.createMember(user, {
        member: { institution_code: 'mxbank', credentials: [{ guid: login!.guid!, value: 'mxuser' }, { guid: secret!.guid!, value: 'options_then_code' }] },
      });
      assert.equal(created.status, 202);
      const member = created.data.member!.guid!;

      const first = await waitStatus(user, member, ['CHALLENGED']);
      const [phone] = first.challenges!;
      assert.equal(phone!.type, 'OPTIONS');
      const listed = await api.members.listMemberChallenges(member, user);
      assert.equal(listed.status, 200);
      assert.deepEqual(listed.data.challenges, first.challenges);

      const r1 = await api.members.resumeAggregation(member, user, { member: { challenges: [{ guid: phone!.guid!, value: phone!.options![0]!.guid! }] } });
      assert.equal(r1.status, 202);
      assert.equal(r1.data.member!.is_being_aggregated, true);

      const second = await waitFor(async () => {
        const s = await statusOf(user, member);
        return s.connection_status === 'CHALLENGED' && s.challenges![0]!.guid !== phone!.guid ? s : undefined;
      }, 'the code challenge');
      const [code] = second.challenges!;
      assert.equal(code!.type, 'TOKEN');
      const r2 = await api.members.resumeAggregation(member, user, { member: { challenges: [{ guid: code!.guid!, value: 'correct' }] } });
      assert.equal(r2.status, 202);

      const done = await waitStatus(user, member, ['CONNECTED']);
      assert.equal(done.is_authenticated, true);
      const none = await api.members.listMemberChallenges(member, user);
      assert.equal(none.status, 204, 'MX answers 204 when not challenged');

      const read = (await api.members.readMember(member, user)).data.member!;
      assert.equal(read.connection_status, 'CONNECTED');
      assert.deepEqual((await api.members.listMembers(user)).data.members!.map((m) => m.guid), [member]);
      assert.equal((await api.members.listMemberCredentials(member, user)).data.credentials!.length, 2);

      const accounts = (await api.accounts.listMemberAccounts(user, member)).data.accounts!;
      assert.equal(accounts.length, 3);
      assert.deepEqual((await api.accounts.listUserAccounts(user)).data.accounts, accounts);
      assert.deepEqual((await api.accounts.readAccount(accounts[0]!.guid!, user)).data.account, accounts[0]);

      const agg = await api.members.aggregateMember(member, user);
      assert.equal(agg.status, 202);
      assert.equal(agg.data.member!.connection_status, 'CONNECTED', 'connected, and syncing');
      assert.equal(agg.data.member!.is_being_aggregated, true);
      // Every aggregation-type job logs in again, and MX Bank asks again.
      assert.equal((await waitStatus(user, member, ['CHALLENGED'])).challenges![0]!.type, 'OPTIONS');
    });

    it('tax documents over plain HTTP, as MX documents them: POST fetch_tax_documents, GET tax_documents', async () => {
      const user = (await api.users.createUser({ user: { id: 'sdk-tax' } })).data.user!.guid!;
      const [login, secret] = (await api.institutions.listInstitutionCredentials('mxbank')).data.credentials!;
      const member = (await api.members.createMember(user, {
        member: { institution_code: 'mxbank', credentials: [{ guid: login!.guid!, value: 'mxuser' }, { guid: secret!.guid!, value: 'no-mfa' }] },
      })).data.member!.guid!;
      await waitStatus(user, member, ['CONNECTED']);
      const headers = { Accept: MX_ACCEPT, Authorization: basic(mx.clientId, mx.apiKey) };
      const job = await fetch(`${basePath}/users/${user}/members/${member}/fetch_tax_documents`, { method: 'POST', headers });
      assert.equal(job.status, 202);
      await waitFor(async () => ((await statusOf(user, member)).is_being_aggregated ? undefined : true), 'the tax documents job');
      const docs = await (await fetch(`${basePath}/users/${user}/members/${member}/tax_documents`, { headers })).json() as any;
      assert.equal(docs.tax_documents[0].document_type, 'TAX1099_INT');
    });

    it('errors reach the SDK as MX errors: 401 for a wrong API key, 405 resuming a member that is not challenged, 404 deleted', async () => {
      const wrong = sdk(basePath, mx.clientId, 'lk_dev_wrong');
      const unauthorized = await rejection(wrong.users.listUsers());
      assert.equal(unauthorized.status, 401);
      assert.match(unauthorized.data.error.message, /client ID or API key/);

      const user = (await api.users.createUser({ user: { id: 'sdk-errors' } })).data.user!.guid!;
      const [login, secret] = (await api.institutions.listInstitutionCredentials('mxbank')).data.credentials!;
      const member = (await api.members.createMember(user, {
        member: { institution_code: 'mxbank', credentials: [{ guid: login!.guid!, value: 'mxuser' }, { guid: secret!.guid!, value: 'no-mfa' }] },
      })).data.member!.guid!;
      await waitStatus(user, member, ['CONNECTED']);
      const notChallenged = await rejection(api.members.resumeAggregation(member, user, { member: { challenges: [{ guid: 'CRD-x', value: 'correct' }] } }));
      assert.equal(notChallenged.status, 405);
      assert.equal((await api.members.deleteMember(member, user)).status, 204);
      assert.equal((await rejection(api.members.readMember(member, user))).status, 404);
    });
  });
}
