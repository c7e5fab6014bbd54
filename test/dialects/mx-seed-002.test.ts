/**
 * Seed 002, MX's "Dealing with Multifactor Authentication", one scenario per
 * paragraph, against MX Bank (`mxbank`): a tax documents job is CHALLENGED, the
 * challenge is answered through the resume endpoint, the member shows RESUMED while
 * the job goes on, then CONNECTED. Jobs run one step at a time so each state is seen.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { openMxSuite, type MxSuite } from './mx-support.ts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

for (const backend of BACKENDS) {
  describe(`MX dialect: seed 002, dealing with MFA [${backend}]`, () => {
    let mx: MxSuite;
    before(async () => { mx = await openMxSuite(backend); });
    after(() => mx.h.close());

    const resume = (user: string, member: string, challenges: { guid: string; value: string }[]) =>
      mx.call('PUT', `/users/${user}/members/${member}/resume`, { body: { member: { challenges } } });

    /** A connected MX Bank member whose every login asks "What city were you born in?". */
    async function connectedChallengeMember(): Promise<{ user: string; member: string }> {
      const user = await mx.newUser();
      const { guid: member } = await mx.newMember(user, 'mxuser', 'challenge');
      await mx.settle();
      const [challenge] = (await mx.status(user, member)).challenges;
      assert.equal((await resume(user, member, [{ guid: challenge.guid, value: 'correct' }])).statusCode, 202);
      await mx.settle();
      assert.equal((await mx.status(user, member)).connection_status, 'CONNECTED');
      return { user, member };
    }

    /** "Called the tax docs endpoint. Checked the member's connection status." */
    async function taxDocsChallenged(): Promise<{ user: string; member: string; status: any }> {
      const { user, member } = await connectedChallengeMember();
      const job = await mx.call('POST', `/users/${user}/members/${member}/fetch_tax_documents`);
      assert.equal(job.statusCode, 202, job.body);
      assert.equal(job.json().member.is_being_aggregated, true);
      await mx.settle();
      return { user, member, status: await mx.status(user, member) };
    }

    it('MFA is indicated by connection_status CHALLENGED, with a challenges array naming the guid and label of each question', async () => {
      const { member, status } = await taxDocsChallenged();
      assert.equal(status.connection_status, 'CHALLENGED');
      assert.equal(status.guid, member);
      assert.match(status.guid, /^MBR-/);
      assert.equal(status.is_authenticated, false);
      assert.equal(status.is_being_aggregated, true);
      assert.match(status.aggregated_at, ISO);
      assert.match(status.successfully_aggregated_at, ISO, 'the earlier aggregation succeeded');
      assert.ok(status.successfully_aggregated_at <= status.aggregated_at);
      assert.equal(status.challenges.length, 1);
      const [challenge] = status.challenges;
      assert.match(challenge.guid, /^CRD-/);
      assert.equal(challenge.label, 'What city were you born in?');
      assert.equal(challenge.field_name, null);
      assert.equal(challenge.type, 'TEXT');
    });

    it('the resume endpoint takes the challenge guid and `correct`; the member is RESUMED, still being aggregated, not yet authenticated', async () => {
      const { user, member, status } = await taxDocsChallenged();
      const r = await resume(user, member, [{ guid: status.challenges[0].guid, value: 'correct' }]);
      assert.equal(r.statusCode, 202, r.body);
      const resumed = r.json().member;
      assert.equal(resumed.connection_status, 'RESUMED');
      assert.equal(resumed.is_being_aggregated, true);
      assert.equal(resumed.is_authenticated, false);
      const polled = await mx.status(user, member);
      assert.equal(polled.connection_status, 'RESUMED');
      assert.equal(polled.is_being_aggregated, true);
      assert.equal(polled.is_authenticated, false);
      assert.equal(polled.challenges, undefined, 'nothing left to answer while the job goes on');
    });

    it('keep checking the status: no more challenges, the member is CONNECTED and the tax documents are there', async () => {
      const { user, member, status } = await taxDocsChallenged();
      await resume(user, member, [{ guid: status.challenges[0].guid, value: 'correct' }]);
      await mx.settle();
      const done = await mx.status(user, member);
      assert.equal(done.connection_status, 'CONNECTED');
      assert.equal(done.connection_status_id, 6);
      assert.equal(done.is_authenticated, true);
      assert.equal(done.is_being_aggregated, false);
      assert.equal(done.challenges, undefined);
      const docs = await mx.call('GET', `/users/${user}/members/${member}/tax_documents`);
      assert.equal(docs.statusCode, 200, docs.body);
      const [doc] = docs.json().tax_documents;
      assert.match(doc.guid, /^TAX-/);
      assert.equal(doc.document_type, 'TAX1099_INT');
      assert.equal(doc.tax_year, '2025');
      assert.equal(doc.member_guid, member);
      const one = await mx.call('GET', `/users/${user}/members/${member}/tax_documents/${doc.guid}`);
      assert.deepEqual(one.json().tax_document, doc);
    });

    it('a one-time code texted to a phone: resume twice, with two challenge guids from two status checks', async () => {
      const user = await mx.newUser();
      const { guid: member } = await mx.newMember(user, 'mxuser', 'options_then_code');
      await mx.settle();
      const first = await mx.status(user, member);
      assert.equal(first.connection_status, 'CHALLENGED');
      const [phone] = first.challenges;
      assert.equal(phone.type, 'OPTIONS');
      assert.equal(phone.options.length, 2);
      for (const o of phone.options) assert.match(o.guid, /^CRD-/);
      const chosen = phone.options[1];
      const r1 = await resume(user, member, [{ guid: phone.guid, value: chosen.guid }]);
      assert.equal(r1.statusCode, 202, r1.body);
      assert.equal(r1.json().member.connection_status, 'RESUMED');
      await mx.settle();
      const second = await mx.status(user, member);
      assert.equal(second.connection_status, 'CHALLENGED');
      const [code] = second.challenges;
      assert.notEqual(code.guid, phone.guid, 'the code has its own challenge guid');
      assert.equal(code.type, 'TOKEN');
      assert.equal(code.label, `Enter the code sent to ${chosen.value}`);
      const r2 = await resume(user, member, [{ guid: code.guid, value: 'correct' }]);
      assert.equal(r2.statusCode, 202, r2.body);
      assert.equal(r2.json().member.connection_status, 'RESUMED');
      await mx.settle();
      assert.equal((await mx.status(user, member)).connection_status, 'CONNECTED');
    });

    it('MX Bank mimics a successful answer with `correct`; any other answer (Chicago) is REJECTED and asked again', async () => {
      const { user, member, status } = await taxDocsChallenged();
      const wrong = await resume(user, member, [{ guid: status.challenges[0].guid, value: 'Chicago' }]);
      assert.equal(wrong.statusCode, 202, wrong.body);
      await mx.settle();
      const rejected = await mx.status(user, member);
      assert.equal(rejected.connection_status, 'REJECTED');
      assert.equal(rejected.connection_status_id, 4);
      assert.equal(rejected.challenges.length, 1);
      assert.notEqual(rejected.challenges[0].guid, status.challenges[0].guid);
      assert.equal((await resume(user, member, [{ guid: rejected.challenges[0].guid, value: 'correct' }])).statusCode, 202);
      await mx.settle();
      assert.equal((await mx.status(user, member)).connection_status, 'CONNECTED');
    });

    it('other forms of MFA: choosing from options (by value) and the pre-determined photo', async () => {
      // One member per login and institution: each MX Bank path gets its own user.
      const [user, other] = [await mx.newUser(), await mx.newUser()];
      const { guid: opts } = await mx.newMember(user, 'mxuser', 'options');
      const { guid: image } = await mx.newMember(other, 'mxuser', 'image');
      const { guid: photo } = await mx.newMember(user, 'ana', 'mfa_image_options', 'latchkey_sandbox');
      await mx.settle();

      const [choose] = (await mx.status(user, opts)).challenges;
      assert.equal(choose.type, 'OPTIONS');
      assert.deepEqual(choose.options.map((o: any) => o.value), ['correct', 'incorrect']);
      assert.equal((await resume(user, opts, [{ guid: choose.guid, value: 'correct' }])).statusCode, 202);

      const [read] = (await mx.status(other, image)).challenges;
      assert.equal(read.type, 'IMAGE_DATA');
      assert.match(Buffer.from(read.image_data, 'base64').toString('utf8'), /^<svg[^>]*>.*correct/);
      assert.equal(read.options, undefined);
      assert.equal((await resume(other, image, [{ guid: read.guid, value: 'correct' }])).statusCode, 202);

      const [pick] = (await mx.status(user, photo)).challenges;
      assert.equal(pick.type, 'IMAGE_OPTIONS');
      for (const o of pick.image_options) assert.match(o.data_uri, /^data:image\//);
      const right = pick.image_options.find((o: any) => o.value === 'correct');
      assert.equal((await resume(user, photo, [{ guid: pick.guid, value: right.guid }])).statusCode, 202);

      await mx.settle();
      for (const [u, m] of [[user, opts], [other, image], [user, photo]] as const) assert.equal((await mx.status(u, m)).connection_status, 'CONNECTED', m);
    });
  });
}
