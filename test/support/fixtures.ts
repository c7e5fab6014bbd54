import assert from 'node:assert/strict';
import type { Harness } from './harness.ts';
import { PASSWORD } from './harness.ts';

export interface Tenant {
  orgId: string;
  devKey: string;
  partnerKey: string;
  userId: string;
  username: string;
  phone: string;
  email: string;
}

let counter = 0;

/** An organization with a developer key, a partner key that owns it, and a user with phone and email. */
export async function createTenant(h: Harness, org: Record<string, unknown> = {}): Promise<Tenant> {
  const n = ++counter;
  const o = await h.call('POST', '/v1/admin/organizations', { admin: true, body: { name: `Org ${n}`, ...org } });
  assert.equal(o.statusCode, 201, o.body);
  const orgId = o.json().organizationId as string;
  const key = await h.call('POST', `/v1/admin/organizations/${orgId}/dev-keys`, { admin: true, body: { name: 'app' } });
  const partner = await h.call('POST', `/v1/admin/organizations/${orgId}/dev-keys`, { admin: true, body: { name: 'partner', partner: true } });
  await h.lk.deps.store.organizations.update(orgId, { partnerKeyId: partner.json().keyId });
  const phone = `+1555${String(1000000 + n).slice(-7)}`;
  const email = `user${n}@example.com`;
  const u = await h.call('POST', `/v1/admin/organizations/${orgId}/users`, { admin: true, body: { username: `user${n}`, password: PASSWORD, phone, email } });
  assert.equal(u.statusCode, 201, u.body);
  return { orgId, devKey: key.json().key, partnerKey: partner.json().key, userId: u.json().userId, username: `user${n}`, phone, email };
}

export async function signIn(h: Harness, t: Tenant, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD, ...extra } });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().sessionId as string;
}

/** The newest code the outbox holds for a destination. */
export async function latestCode(h: Harness, destination: string): Promise<string> {
  const [m] = await h.lk.deps.store.outbox.list({ destination, limit: 1 });
  const code = m?.body.match(/\b(\d{6})\b/)?.[1];
  assert.ok(code, `no code sent to ${destination}`);
  return code;
}

/** Enrolls and activates an SMS factor on the user's phone; leaves the session trusted. */
export async function enrollSms(h: Harness, t: Tenant, session: string): Promise<{ factorId: string }> {
  const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'sms' } });
  assert.equal(e.statusCode, 201, e.body);
  const { challengeId } = e.json().challenge;
  const v = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: await latestCode(h, t.phone) } });
  assert.equal(v.statusCode, 200, v.body);
  return { factorId: e.json().factor.factorId };
}

/** Signs in, starts an SMS challenge; returns the session, challenge and the code sent. */
export async function challengeSms(h: Harness, t: Tenant, session: string): Promise<{ challengeId: string; code: string }> {
  const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} });
  assert.equal(c.statusCode, 201, c.body);
  return { challengeId: c.json().challengeId, code: await latestCode(h, t.phone) };
}
