/**
 * The MX Platform API resources over Latchkey: users (native users of the key's
 * organization), institutions with credential guids, members (connections) and their
 * accounts, and how each Latchkey state reads as MX's connection_status.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createTenant } from '../support/fixtures.ts';
import { resolveDevKey } from '../../src/core/session/sessions.ts';
import { assertMxError, basic, openMxSuite, type MxSuite } from './mx-support.ts';

for (const backend of BACKENDS) {
  describe(`MX dialect: users, institutions, members, accounts [${backend}]`, () => {
    let mx: MxSuite;
    before(async () => {
      mx = await openMxSuite(backend, {
        worker: false, env: { LATCHKEY_INSTITUTION_RETRIES: '1', LATCHKEY_INSTITUTION_RETRY_BASE_SECONDS: '1' },
      });
    });
    after(() => mx.h.close());

    it('creates, lists and reads users: USR- + the native user ID, the MX id as username', async () => {
      const r = await mx.call('POST', '/users', { body: { user: { id: 'partner-42', email: 'ana@example.com', metadata: '{"a":1}' } } });
      assert.equal(r.statusCode, 200, r.body);
      const { user } = r.json();
      assert.match(user.guid, /^USR-006/);
      assert.deepEqual({ ...user, guid: undefined }, { guid: undefined, id: 'partner-42', email: 'ana@example.com', is_disabled: false, metadata: null });
      const native = await mx.h.lk.deps.store.users.get(user.guid.slice(4));
      assert.equal(native?.username, 'partner-42');
      assert.equal(native?.orgId, mx.t.orgId);

      const read = await mx.call('GET', `/users/${user.guid}`);
      assert.deepEqual(read.json().user, user);
      const listed = await mx.call('GET', '/users?id=partner-42');
      assert.deepEqual(listed.json().users, [user]);
      assert.deepEqual(listed.json().pagination, { current_page: 1, per_page: 25, total_entries: 1, total_pages: 1 });
      assert.equal((await mx.call('GET', '/users?email=nobody@example.com')).json().users.length, 0);

      assertMxError(await mx.call('POST', '/users', { body: { user: { id: 'partner-42' } } }), 409);
    });

    it('a user created without an id has id null and a password nobody knows', async () => {
      const r = await mx.call('POST', '/users', { body: { user: {} } });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().user.id, null);
      assertMxError(await mx.call('POST', '/users', { body: { user: { id: 'mx-anonymous-me' } } }), 400, /may not begin/);
    });

    it('an empty email is no email; any other must be one plain mailbox', async () => {
      const empty = await mx.call('POST', '/users', { body: { user: { id: 'no-mail', email: '' } } });
      assert.equal(empty.statusCode, 200, empty.body);
      assert.equal(empty.json().user.email, null);
      assertMxError(await mx.call('POST', '/users', { body: { user: { id: 'bad-mail', email: 'Erin <a@b.c>, f@g.h' } } }), 400, /email/);
      assert.equal((await mx.call('GET', '/users?id=bad-mail')).json().users.length, 0, 'nothing was made');
    });

    it('lists users a page at a time', async () => {
      for (let i = 0; i < 11; i++) await mx.newUser(`paged-${i}`);
      const all = (await mx.call('GET', '/users?records_per_page=1000')).json();
      const page2 = (await mx.call('GET', '/users?page=2&records_per_page=10')).json();
      assert.equal(page2.pagination.current_page, 2);
      assert.equal(page2.pagination.per_page, 10);
      assert.equal(page2.pagination.total_entries, all.users.length);
      assert.deepEqual(page2.users, all.users.slice(10, 20));
    });

    it('another organization\'s users and members are not found', async () => {
      const user = await mx.newUser();
      const { guid: member } = await mx.newMember(user, 'mxuser', 'anything');
      const other = await createTenant(mx.h);
      const auth = basic((await resolveDevKey(mx.h.lk.deps, other.devKey)).id, other.devKey);
      assertMxError(await mx.call('GET', `/users/${user}`, { authorization: auth }), 404, /unable to find/);
      assertMxError(await mx.call('GET', `/users/${user}/members/${member}`, { authorization: auth }), 404);
      assert.equal((await mx.call('GET', '/users', { authorization: auth })).json().users.some((u: any) => u.guid === user), false);
    });

    it('institutions: MX Bank with its credential fields, each with a CRD- guid', async () => {
      const list = (await mx.call('GET', '/institutions?name=mx')).json();
      assert.deepEqual(list.institutions.map((i: any) => i.code), ['mxbank']);
      const { institution } = (await mx.call('GET', '/institutions/mxbank')).json();
      assert.equal(institution.name, 'MX Bank');
      assert.equal(institution.supports_tax_document, true);
      const { credentials } = (await mx.call('GET', '/institutions/mxbank/credentials')).json();
      assert.deepEqual(credentials.map((c: any) => [c.field_name, c.type, c.display_order]), [['username', 'LOGIN', 1], ['password', 'PASSWORD', 2]]);
      for (const c of credentials) assert.match(c.guid, /^CRD-/);
      assertMxError(await mx.call('GET', '/institutions/nobank'), 404);
      assert.ok((await mx.call('GET', '/institutions')).json().institutions.length >= 4);
    });

    it('a member is a connection (MBR- + its ID); it is CREATED until its first aggregation ends', async () => {
      const user = await mx.newUser();
      const member = await mx.newMember(user, 'mxuser', 'no-mfa');
      assert.match(member.guid, /^MBR-con_/);
      assert.equal(member.connection_status, 'CREATED');
      assert.equal(member.connection_status_id, 0);
      assert.equal(member.is_being_aggregated, true);
      assert.equal(member.institution_code, 'mxbank');
      assert.equal(member.institution_guid, 'INS-mxbank');
      assert.equal(member.user_guid, user);
      assert.match(member.most_recent_job_guid, /^JOB-job_/);
      const c = await mx.h.lk.connectionDeps.connections.connections.get(member.guid.slice(4));
      assert.equal(c?.institutionCode, 'mxbank');
      await mx.settle();
      const read = (await mx.call('GET', `/users/${user}/members/${member.guid}`)).json().member;
      assert.equal(read.connection_status, 'CONNECTED');
      assert.equal(read.is_being_aggregated, false);
      assert.equal(read.is_authenticated, true);
      const list = (await mx.call('GET', `/users/${user}/members`)).json();
      assert.deepEqual(list.members.map((m: any) => m.guid), [member.guid]);
      const creds = (await mx.call('GET', `/users/${user}/members/${member.guid}/credentials`)).json().credentials;
      assert.deepEqual(creds.map((x: any) => x.field_name), ['username', 'password']);
    });

    it('the same login twice is a 409; aggregating a connected member keeps it CONNECTED while it syncs', async () => {
      const user = await mx.newUser();
      const { guid } = await mx.newMember(user, 'mxuser', 'no-mfa');
      await mx.settle();
      const creds = (await mx.call('GET', '/institutions/mxbank/credentials')).json().credentials;
      const again = await mx.call('POST', `/users/${user}/members`, {
        body: { member: { institution_code: 'mxbank', credentials: [{ guid: creds[0].guid, value: 'MXUSER' }, { guid: creds[1].guid, value: 'x' }] } },
      });
      assertMxError(again, 409, /already exists/);
      const agg = await mx.call('POST', `/users/${user}/members/${guid}/aggregate`);
      assert.equal(agg.statusCode, 202, agg.body);
      assert.equal(agg.json().member.connection_status, 'CONNECTED');
      assert.equal(agg.json().member.is_being_aggregated, true);
      const twice = await mx.call('POST', `/users/${user}/members/${guid}/aggregate`);
      assert.equal(twice.statusCode, 202, 'the same kind of job already running: 202');
      assertMxError(await mx.call('POST', `/users/${user}/members/${guid}/fetch_tax_documents`), 409, /another kind of job/);
      await mx.settle();
      assert.equal((await mx.status(user, guid)).is_being_aggregated, false);
    });

    it('accounts of a member and of a user', async () => {
      const user = await mx.newUser();
      const { guid: member } = await mx.newMember(user, 'mxuser', 'no-mfa');
      await mx.settle();
      const { accounts } = (await mx.call('GET', `/users/${user}/members/${member}/accounts`)).json();
      assert.deepEqual(accounts.map((a: any) => [a.name, a.type, a.balance, a.currency_code]), [
        ['MX Bank Checking', 'CHECKING', 1000.23, 'USD'], ['MX Bank Credit Card', 'CREDIT_CARD', 250, 'USD'], ['MX Bank Savings', 'SAVINGS', 5000.5, 'USD'],
      ]);
      for (const a of accounts) {
        assert.match(a.guid, /^ACT-acc_/);
        assert.equal(a.member_guid, member);
        assert.equal(a.user_guid, user);
      }
      const all = (await mx.call('GET', `/users/${user}/accounts`)).json();
      assert.deepEqual(all.accounts, accounts);
      assert.deepEqual((await mx.call('GET', `/users/${user}/accounts/${accounts[0].guid}`)).json().account, accounts[0]);
      assertMxError(await mx.call('GET', `/users/${user}/accounts/ACT-nope`), 404);
    });

    it('DENIED needs updated credentials; updating the password logs in again (UPDATED) and connects', async () => {
      const user = await mx.newUser();
      const { guid } = await mx.newMember(user, 'mxuser', 'UNAUTHORIZED');
      await mx.settle();
      const denied = (await mx.call('GET', `/users/${user}/members/${guid}`)).json().member;
      assert.equal(denied.connection_status, 'DENIED');
      assert.equal(denied.connection_status_id, 2);
      assert.equal(denied.needs_updated_credentials, true);
      assert.match(denied.connection_status_message, /incorrect/);
      assertMxError(await mx.call('POST', `/users/${user}/members/${guid}/aggregate`), 409);
      const password = (await mx.call('GET', '/institutions/mxbank/credentials')).json().credentials[1].guid;
      const upd = await mx.call('PUT', `/users/${user}/members/${guid}`, { body: { member: { credentials: [{ guid: password, value: 'good-now' }] } } });
      assert.equal(upd.statusCode, 200, upd.body);
      assert.equal(upd.json().member.connection_status, 'UPDATED');
      assert.equal(upd.json().member.connection_status_id, 15);
      await mx.settle();
      assert.equal((await mx.status(user, guid)).connection_status, 'CONNECTED');
    });

    it('Latchkey states in MX names: LOCKED, IMPEDED (hold), FAILED (institution down)', async () => {
      const user = await mx.newUser();
      const locked = await mx.newMember(user, 'a', 'locked', 'latchkey_sandbox');
      const hold = await mx.newMember(user, 'b', 'hold_account_issue_accept_toc', 'latchkey_sandbox');
      const down = await mx.newMember(user, 'mxuser', 'BAD_REQUEST');
      await mx.settle();
      mx.h.time.advance(2_000);
      await mx.settle();
      const statuses = await Promise.all([locked, hold, down].map(async (m) => (await mx.status(user, m.guid))));
      assert.deepEqual(statuses.map((s) => [s.connection_status, s.connection_status_id]), [['LOCKED', 5], ['IMPEDED', 7], ['FAILED', 14]]);
      const again = await mx.call('POST', `/users/${user}/members/${hold.guid}/aggregate`);
      assert.equal(again.statusCode, 202, 'after acting at the institution, aggregate again');
      assert.equal(again.json().member.connection_status, 'UPDATED');
    });

    it('a prompt approved in the institution\'s app is no MX challenge: the member reads as at work, with the prompt as its message', async () => {
      const user = await mx.newUser();
      const { guid } = await mx.newMember(user, 'c', 'mfa_prompt_approve', 'latchkey_sandbox');
      await mx.settle();
      const s = await mx.status(user, guid);
      assert.equal(s.connection_status, 'CREATED');
      assert.equal(s.is_being_aggregated, true);
      assert.equal(s.challenges, undefined);
      assert.ok(s.connection_status_message);
      assert.equal((await mx.call('GET', `/users/${user}/members/${guid}/challenges`)).statusCode, 204);
      assertMxError(await mx.call('PUT', `/users/${user}/members/${guid}/resume`, { body: { member: { challenges: [{ guid: 'CRD-x', value: 'y' }] } } }), 405);
    });

    it('deletes a member', async () => {
      const user = await mx.newUser();
      const { guid } = await mx.newMember(user, 'mxuser', 'no-mfa');
      const del = await mx.call('DELETE', `/users/${user}/members/${guid}`);
      assert.equal(del.statusCode, 204, del.body);
      assertMxError(await mx.call('GET', `/users/${user}/members/${guid}`), 404);
    });
  });
}
