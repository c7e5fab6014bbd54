import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_LIMITS as L } from '../../src/core/limits.ts';
import { OWASP_ARGON2ID } from '../../src/adapters/argon2-hasher.ts';
import { DEFAULT_CONTEXT_CACHE } from '../../src/storage/context-cache.ts';

/** docs/security.md states the numbers the code uses and lists every audit event type. */
const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
const auditSource = readFileSync(new URL('../../src/core/audit.ts', import.meta.url), 'utf8');

function auditTypes(): string[] {
  const union = /export type AuditType =([^;]+);/.exec(auditSource)?.[1];
  assert.ok(union, 'AuditType not found in src/core/audit.ts');
  return [...union.matchAll(/'([a-z_.]+)'/g)].map((m) => m[1]!);
}

describe('docs/security.md', () => {
  it('lists every audit event type, and only those', () => {
    const types = auditTypes();
    assert.ok(types.length > 10);
    const rows = [...doc.matchAll(/^\| `([a-z_]+\.[a-z_]+)` \|/gm)].map((m) => m[1]!);
    assert.deepEqual(types.filter((t) => !rows.includes(t)), [], 'audit types missing from the table');
    assert.deepEqual(rows.filter((r) => !types.includes(r)), [], 'the table lists audit types the code does not have');
  });

  it('states the defaults the code uses', () => {
    const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    const phrases = [
      `after **${L.sessionIdleMinutes} minutes** without a call`,
      `at most once every **${L.sessionTouchIntervalSeconds} seconds**`,
      `for up to\n  **${DEFAULT_CONTEXT_CACHE.ttlMs / 1000} seconds**`,
      `end **${L.sessionAbsoluteHours} hours**`,
      `counted in fixed ${L.signInFailureWindowMinutes}-minute`,
      `lower-cased username: **${L.signInFailuresPerAccount}**`,
      `client address (**${L.signInFailuresPerAddress}**)`,
      `At **${L.lockoutThreshold}** failures`,
      `for **${L.lockoutMinutes} minutes**`,
      `**${L.challengeMaxAttempts} tries per challenge.**`,
      `**Lifetime ${L.challengeTtlMinutes} minutes**`,
      `At most **${L.challengesPerUserPerHour}** codes per user per clock hour`,
      `**±${L.totpDriftSteps} step**`,
      `One set of **${L.backupCodeCount}** codes`,
      `within the last **${L.stepUpMinutes} minutes**`,
      `(**${L.rememberDeviceDays}** days`,
      `(${thousands(OWASP_ARGON2ID.memoryCost)} KiB), t = ${OWASP_ARGON2ID.timeCost}, p = ${OWASP_ARGON2ID.parallelism}`,
    ];
    const missing = phrases.filter((p) => !doc.includes(p));
    assert.deepEqual(missing, [], 'docs/security.md no longer matches src/core/limits.ts');
  });
});
