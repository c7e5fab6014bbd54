import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHarness, type Harness } from '../support/harness.ts';
import { ensureSandbox, type SandboxCredentials } from '../../src/sandbox/seed.ts';

/** docs/sandbox.md describes what the seed really writes. */
const doc = readFileSync(new URL('../../docs/sandbox.md', import.meta.url), 'utf8');

function fieldPaths(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? fieldPaths(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]);
}

describe('docs/sandbox.md', () => {
  let h: Harness;
  let creds: SandboxCredentials;
  before(async () => {
    h = await createHarness('sqlite');
    creds = await ensureSandbox(h.lk, 'http://127.0.0.1:8080');
  });
  after(() => h.close());

  it('describes every field of sandbox.json', () => {
    const missing = fieldPaths(creds).filter((f) => !doc.includes(`| \`${f}\` |`));
    assert.deepEqual(missing, [], 'add a row to the sandbox.json table');
  });

  it('describes no field that sandbox.json does not have', () => {
    const start = doc.indexOf('## `data/sandbox.json`');
    const end = doc.indexOf('\n## ', start + 1);
    const rows = [...doc.slice(start, end).matchAll(/^\| `([a-zA-Z.]+)` \|/gm)].map((m) => m[1]!);
    assert.ok(rows.length > 0);
    const actual = new Set(fieldPaths(creds));
    assert.deepEqual(rows.filter((r) => !actual.has(r)), []);
  });

  it('quotes the seeded constants', () => {
    for (const value of [creds.organizationName, creds.user.username, creds.user.phone, creds.user.email]) {
      assert.ok(doc.includes(value), `docs/sandbox.md should mention ${value}`);
    }
  });

  it('the seeded user signs in with mfaStatus CHALLENGE, as documented', async () => {
    const r = await h.call('POST', '/v1/sessions', {
      devKey: creds.devKey,
      body: { organizationId: creds.organizationId, username: creds.user.username, password: creds.user.password },
    });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().mfaStatus, 'CHALLENGE');
    assert.ok(doc.includes('`mfaStatus: "CHALLENGE"`'));
  });
});
