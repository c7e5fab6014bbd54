import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { institutionRegistry } from '../../src/institutions/index.ts';
import { SANDBOX_TAX_YEAR } from '../../src/institutions/sandbox/sandbox-institution.ts';
import { PROMPT_POLLS_BEFORE_DECISION, SHORT_EXPIRY_SECONDS } from '../../src/institutions/sandbox/sandbox-scripts.ts';
import { DEFAULT_POLL_AFTER_MS, DEFAULT_SLOW_LOGIN_MS } from '../../src/institutions/scripted/scripted-institution.ts';

/** docs/institutions.md lists every connector and every magic credential it has. */
const doc = readFileSync(new URL('../../docs/institutions.md', import.meta.url), 'utf8');

function section(code: string): string {
  const start = doc.search(new RegExp(`^## .*\\(\`${code}\`\\)$`, 'm'));
  assert.ok(start >= 0, `docs/institutions.md needs a "## … (\`${code}\`)" section`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

function rows(text: string): string[] {
  return [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

describe('docs/institutions.md', () => {
  for (const [code, connector] of institutionRegistry) {
    it(`${code}: has a section; its table lists exactly the connector's magic credentials`, () => {
      const text = section(code);
      if (!('scriptNames' in connector)) return;
      const names = connector.scriptNames as readonly string[];
      const listed = rows(text);
      assert.deepEqual(names.filter((n) => !listed.includes(n)), [], 'add a row for each');
      // Patterns such as mfa_questions_<n>_<m> are documented by their template.
      assert.deepEqual(listed.filter((r) => !names.includes(r) && !r.includes('<')), [], 'rows for credentials the connector lacks');
    });
  }

  it('quotes the sandbox constants', () => {
    for (const text of [
      `Form 1099-INT for ${SANDBOX_TAX_YEAR}`, `uses ${DEFAULT_SLOW_LOGIN_MS} ms`, `${DEFAULT_POLL_AFTER_MS} ms for`,
      `expiresInSeconds: ${SHORT_EXPIRY_SECONDS}`, `first ${PROMPT_POLLS_BEFORE_DECISION} polls`,
    ]) assert.ok(doc.includes(text), `docs/institutions.md should say "${text}"`);
  });
});
