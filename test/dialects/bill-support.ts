import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Harness } from '../support/harness.ts';
import { PASSWORD } from '../support/harness.ts';
import { createTenant, enrollSms, latestCode, signIn, type Tenant } from '../support/fixtures.ts';
import { ensureSandbox } from '../../src/sandbox/seed.ts';

/** Where Latchkey mounts BILL: a v2 client's base URL and a v3 client's `…/connect` + `/v3`. */
export const V2 = '/bill/api/v2';
export const V3 = '/bill/connect/v3';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** A v2 call exactly as BILL documents it: POST /<Op>.json, form-encoded, `data` a JSON string. */
export function v2(h: Harness, op: string, fields: Record<string, string | undefined>, data?: object | string): Promise<LightMyRequestResponse> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.set(k, v);
  if (data !== undefined) form.set('data', typeof data === 'string' ? data : JSON.stringify(data));
  return h.app.inject({
    method: 'POST', url: `${V2}/${op}.json`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString(),
  });
}

/** A v3 call: JSON body, `devKey`/`appKey` + `sessionId` headers. */
export function v3(h: Harness, method: 'GET' | 'POST', path: string, opts: { headers?: Record<string, string>; body?: unknown } = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  return h.app.inject({ method, url: `${V3}${path}`, headers, ...(opts.body !== undefined ? { payload: JSON.stringify(opts.body) } : {}) });
}

/** v2 success: HTTP 200, response_status 0; returns response_data. */
export function v2Data(res: LightMyRequestResponse): Record<string, unknown> {
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.response_status, 0, res.body);
  assert.equal(body.response_message, 'Success');
  return body.response_data;
}

/** v2 error: still HTTP 200, with BILL's code and exact message. */
export function assertV2Error(res: LightMyRequestResponse, code: string, message?: string): void {
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(Object.keys(res.json()).sort(), ['response_data', 'response_message', 'response_status']);
  const body = res.json();
  assert.equal(body.response_status, 1, res.body);
  assert.equal(body.response_message, 'Error');
  assert.equal(body.response_data.error_code, code, res.body);
  if (message !== undefined) assert.equal(body.response_data.error_message, message);
}

/** v3 error: the HTTP status and an array of one `{timestamp, code, severity, category, message, params}`. */
export function assertV3Error(res: LightMyRequestResponse, status: number, code: string, message?: string): void {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.ok(Array.isArray(body) && body.length === 1, res.body);
  const [e] = body;
  assert.deepEqual(Object.keys(e).sort(), ['category', 'code', 'message', 'params', 'severity', 'timestamp']);
  assert.equal(e.code, code, res.body);
  assert.equal(e.severity, 'ERROR');
  assert.match(e.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
  assert.deepEqual(e.params, {});
  if (message !== undefined) assert.equal(e.message, message);
}

/** A tenant whose user has a registered phone (an active SMS factor), as BILL's MFA flows assume. */
export async function tenantWithPhone(h: Harness, org: Record<string, unknown> = {}): Promise<Tenant> {
  const t = await createTenant(h, org);
  await enrollSms(h, t, await signIn(h, t));
  return t;
}

/** v2 Login.json with the tenant's credentials (plus mfaId/deviceId when given); returns the sessionId. */
export async function v2Login(h: Harness, t: Tenant, extra: Record<string, string> = {}): Promise<string> {
  const data = v2Data(await v2(h, 'Login', { userName: t.username, password: PASSWORD, orgId: t.orgId, devKey: t.devKey, ...extra }));
  return data.sessionId as string;
}

/** The newest code sent to the tenant's phone (the sandbox outbox stands in for the SMS). */
export const codeFor = (h: Harness, t: Tenant) => latestCode(h, t.phone);

/** The `bill` key of data/sandbox.json. */
export interface BillSandbox {
  devKey: string; appKey: string; organizationId: string; userId: string; userName: string; password: string; v2BaseUrl: string; v3BaseUrl: string;
}

export const SANDBOX_BASE_URL = 'http://127.0.0.1:8080';

/** Seeds the sandbox (as `latchkey serve` does) and returns it with its `bill` key. */
export async function billSandbox(h: Harness): Promise<{ bill: BillSandbox; devKey: string; partnerKey: string }> {
  return await ensureSandbox(h.lk, SANDBOX_BASE_URL) as unknown as { bill: BillSandbox; devKey: string; partnerKey: string };
}
