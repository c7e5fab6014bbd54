import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERRORS, type ErrorCode } from '../../src/core/errors.ts';

/**
 * docs/errors.md and the ERRORS registry must agree, as fastify's
 * test/internals/errors.test.js keeps docs/Reference/Errors.md honest.
 */
const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const codes = Object.keys(ERRORS) as ErrorCode[];

/** The `### LK_ERR_…` sections of the page, each with its text up to the next heading. */
function sections(): Map<string, string> {
  const out = new Map<string, string>();
  const parts = doc.split(/^### /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    const heading = part.slice(0, newline).trim();
    const body = part.slice(newline + 1).split(/^#{1,3} /m)[0] ?? '';
    assert.ok(!out.has(heading), `docs/errors.md has two sections for ${heading}`);
    out.set(heading, body);
  }
  return out;
}

describe('docs/errors.md', () => {
  const documented = sections();

  it('documents every code in ERRORS', () => {
    const missing = codes.filter((c) => !documented.has(c));
    assert.deepEqual(missing, [], `add a "### <code>" section to docs/errors.md for: ${missing.join(', ')}`);
  });

  it('documents no code that is not in ERRORS', () => {
    const headings = [...documented.keys()].filter((h) => !(h in ERRORS));
    assert.deepEqual(headings, [], `docs/errors.md has sections for unknown codes: ${headings.join(', ')}`);
    const mentioned = new Set(doc.match(/LK_ERR_[A-Z0-9_]+/g) ?? []);
    const unknown = [...mentioned].filter((c) => !(c in ERRORS));
    assert.deepEqual(unknown, [], `docs/errors.md mentions unknown codes: ${unknown.join(', ')}`);
  });

  it('gives each code its HTTP status and message', () => {
    for (const code of codes) {
      const body = documented.get(code);
      if (body === undefined) continue;
      const { status, message } = ERRORS[code];
      assert.ok(body.includes(`**HTTP ${status}** — ${message}`), `${code}: expected "**HTTP ${status}** — ${message}" in its section`);
      const explanation = body.replace(`**HTTP ${status}** — ${message}`, '').trim();
      assert.ok(explanation.length >= 40, `${code}: say when it happens`);
    }
  });
});
