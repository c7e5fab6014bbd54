import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_POLICY, decide } from '../../src/core/policy/policy.ts';
import { sessionExpiresAt, mfaStatusOf, type SessionContext } from '../../src/core/session/sessions.ts';
import { policyFromEnv } from '../../src/config.ts';
import type { CoreDeps } from '../../src/core/deps.ts';
import type { Session } from '../../src/core/model.ts';

const NOW = 1_000_000_000;
const deps = { clock: { now: () => NOW } } as unknown as CoreDeps;

function ctx(over: Partial<Session> = {}, mfaRequired = true): SessionContext {
  const session: Session = {
    id: 's', tokenHash: 'h', kind: 'user', userId: 'u', orgId: 'o', devKeyId: 'k', scope: 'write', createdAt: NOW - 60_000, lastSeenAt: NOW,
    expiresAt: NOW + 3600_000, idleMinutes: 35, trustedAt: null, trustMethod: null, endedAt: null, name: null, ...over,
  };
  return { session, org: { mfaRequired } as SessionContext['org'], user: {} as SessionContext['user'], devKey: {} as SessionContext['devKey'] };
}

describe('policy', () => {
  const policy = { ...BUILT_IN_POLICY, wire_transfer: { level: 'mfa' as const, withinMinutes: 5 }, export: { level: 'session' as const, write: true } };

  it('an untrusted session is told to do MFA; a trusted one is allowed', () => {
    assert.equal(decide(deps, policy, ctx(), 'pay_bills').allow, false);
    assert.deepEqual(decide(deps, policy, ctx({ trustedAt: NOW - 3600_000 }), 'pay_bills'), { allow: true, operation: 'pay_bills' });
  });

  it('step-up: a trust older than the operation allows asks for a fresh one', () => {
    const old = decide(deps, policy, ctx({ trustedAt: NOW - 6 * 60_000 }), 'wire_transfer');
    assert.equal(old.allow, false);
    assert.equal(!old.allow && old.reason, 'step_up_required');
    assert.equal(decide(deps, policy, ctx({ trustedAt: NOW - 4 * 60_000 }), 'wire_transfer').allow, true);
  });

  it('API tokens and partner sessions never pass MFA operations; read scope never writes', () => {
    assert.equal(decide(deps, policy, ctx({ kind: 'api_token', trustedAt: NOW }), 'pay_bills').allow, false);
    assert.equal(decide(deps, policy, ctx({ kind: 'partner', trustedAt: NOW }), 'pay_bills').allow, false);
    const d = decide(deps, policy, ctx({ scope: 'read' }), 'export');
    assert.equal(!d.allow && d.reason, 'forbidden');
  });

  it('an organization with MFA off allows MFA operations to user sessions', () => {
    assert.equal(decide(deps, policy, ctx({}, false), 'pay_bills').allow, true);
  });

  it('unknown operations are refused', () => {
    const d = decide(deps, policy, ctx({ trustedAt: NOW }), 'launch_rockets');
    assert.equal(!d.allow && d.reason, 'forbidden');
  });

  it('LATCHKEY_POLICY is validated', () => {
    assert.deepEqual(policyFromEnv('{"wire":{"level":"mfa","withinMinutes":5}}'), { wire: { level: 'mfa', withinMinutes: 5 } });
    assert.throws(() => policyFromEnv('{"wire":{"level":"root"}}'), /needs/);
    assert.throws(() => policyFromEnv('{"Wire":{"level":"mfa"}}'), /snake_case/);
    assert.throws(() => policyFromEnv('not json'), /JSON/);
  });
});

describe('session lifetime', () => {
  it('ends at the earlier of the idle and the absolute limits', () => {
    assert.equal(sessionExpiresAt(ctx().session), NOW + 35 * 60_000);
    assert.equal(sessionExpiresAt(ctx({ expiresAt: NOW + 60_000 }).session), NOW + 60_000);
    assert.equal(sessionExpiresAt(ctx({ idleMinutes: null, expiresAt: null }).session), null, 'API tokens live until revoked');
  });

  it('mfaStatus: DISABLED, COMPLETE, CHALLENGE, SETUP', () => {
    assert.equal(mfaStatusOf(ctx({}, false), true), 'DISABLED');
    assert.equal(mfaStatusOf(ctx({ trustedAt: NOW }), true), 'COMPLETE');
    assert.equal(mfaStatusOf(ctx(), true), 'CHALLENGE');
    assert.equal(mfaStatusOf(ctx(), false), 'SETUP');
  });
});
