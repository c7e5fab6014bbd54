import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createHarness, type Harness, type HarnessOptions } from '../support/harness.ts';
import { createTenant, type Tenant } from '../support/fixtures.ts';
import type { Backend } from '../support/backends.ts';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';

export const V31 = '/synapse/v3.1';
export const V2 = '/synapse/api/v2';
export const FINGERPRINT = 'test_fingerprint';

/** Synapse's sandbox bank (docs/institutions.md, `synapse_fake`). */
export const FAKE = { bank_name: 'fake', bank_pw: 'test1234', answer: 'test_answer' } as const;

export interface SynapseSuite {
  h: Harness;
  t: Tenant;
  /** X-SP-GATEWAY: client_id|client_secret. */
  gateway: string;
  /** Headers of a v3.1 call as the SDK builds them. */
  headers(oauthKey?: string): Record<string, string>;
  /** A new Synapse user and its oauth_key. */
  newUser(): Promise<{ userId: string; oauthKey: string; refreshToken: string }>;
}

let users = 0;

/**
 * A server whose institutions are not retried (a bank under maintenance answers at
 * once), a tenant whose partner key is the Synapse gateway, and helpers.
 */
export async function openSynapseSuite(backend: Backend, opts: HarnessOptions = {}): Promise<SynapseSuite> {
  const h = await createHarness(backend, { config: { limits: { ...DEFAULT_LIMITS, institutionRetries: 0 } }, ...opts });
  const t = await createTenant(h);
  const gateway = `${t.orgId}|${t.partnerKey}`;
  const headers = (oauthKey = '') => ({ 'x-sp-gateway': gateway, 'x-sp-user': `${oauthKey}|${FINGERPRINT}`, 'x-sp-user-ip': '127.0.0.1' });
  return {
    h, t, gateway, headers,
    async newUser() {
      const email = `synapse-user-${++users}@example.com`;
      const u = await h.call('POST', `${V31}/users`, { headers: headers(), body: { logins: [{ email }], phone_numbers: ['+15555550123'], legal_names: ['Test User'] } });
      assert.equal(u.statusCode, 200, u.body);
      const { _id: userId, refresh_token: refreshToken } = u.json();
      const o = await h.call('POST', `${V31}/oauth/${userId}`, { headers: headers(), body: { refresh_token: refreshToken } });
      assert.equal(o.statusCode, 200, o.body);
      return { userId, oauthKey: o.json().oauth_key, refreshToken };
    },
  };
}

/** Synapse v3.1's error body: never Fastify's, never a problem+json. */
export function assertV31Error(r: LightMyRequestResponse, status: number, errorCode: string): Record<string, any> {
  assert.equal(r.statusCode, status, r.body);
  assert.match(String(r.headers['content-type']), /^application\/json/);
  const body = r.json();
  assert.equal(body.success, false);
  assert.equal(body.error_code, errorCode);
  assert.equal(body.http_code, String(status));
  assert.equal(typeof body.error.en, 'string');
  assert.ok(body.error.en.length > 0);
  return body;
}

/** Synapse v2's error body: `{success:false, reason}`. */
export function assertV2Error(r: LightMyRequestResponse, status: number): Record<string, any> {
  assert.equal(r.statusCode, status, r.body);
  assert.match(String(r.headers['content-type']), /^application\/json/);
  const body = r.json();
  assert.equal(body.success, false);
  assert.equal(typeof body.reason, 'string');
  assert.ok(body.reason.length > 0);
  return body;
}

/** A form-encoded body, as the v2 SDKs send it. */
export function form(fields: Record<string, string | string[]>): { body: string; headers: Record<string, string> } {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) params.append(k, x);
  return { body: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}
