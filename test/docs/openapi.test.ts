import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHarness, type Harness } from '../support/harness.ts';

/**
 * The OpenAPI document is generated from the route schemas; this keeps it complete:
 * every /v1 route is in it, with a summary and documented success and error
 * responses, and docs/api.md lists exactly those routes.
 */

interface Route { method: string; path: string }

/**
 * Every route the server registered, from Fastify's route tree
 * (`printRoutes({ commonPrefix: false })`): each line is a path segment whose full
 * path is the concatenation of its ancestors', with its methods in parentheses.
 */
function registeredRoutes(tree: string): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = [...m[1]!].length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) routes.push({ method, path });
  }
  return routes;
}

const openapiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('OpenAPI document', () => {
  let h: Harness;
  let spec: {
    openapi: string;
    paths: Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>>;
  };
  let v1: Route[];

  before(async () => {
    h = await createHarness('sqlite');
    const res = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(res.statusCode, 200, res.body);
    spec = res.json();
    v1 = registeredRoutes(h.app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.path.startsWith('/v1/') && r.method !== 'HEAD');
  });
  after(() => h.close());

  it('is OpenAPI 3.1.0', () => {
    assert.equal(spec.openapi, '3.1.0');
  });

  it('finds the registered /v1 routes (guards the route-tree parser)', () => {
    const names = new Set(v1.map((r) => `${r.method} ${r.path}`));
    for (const known of ['POST /v1/sessions', 'GET /v1/session', 'DELETE /v1/session', 'POST /v1/mfa/challenges/:challengeId/verify', 'PATCH /v1/admin/organizations/:organizationId']) {
      assert.ok(names.has(known), `${known} not found in the route tree:\n${h.app.printRoutes({ commonPrefix: false })}`);
    }
    assert.ok(v1.length >= 30, `only ${v1.length} /v1 routes found`);
  });

  it('documents every /v1 route with a summary, a 2xx and a 4xx response', () => {
    const problems: string[] = [];
    for (const { method, path } of v1) {
      const op = spec.paths[openapiPath(path)]?.[method.toLowerCase()];
      const name = `${method} ${path}`;
      if (!op) {
        problems.push(`${name}: missing from /openapi.json`);
        continue;
      }
      if (!op.summary?.trim()) problems.push(`${name}: no summary`);
      const statuses = Object.keys(op.responses ?? {});
      if (!statuses.some((s) => /^2\d\d$/.test(s))) problems.push(`${name}: no 2xx response documented`);
      if (!statuses.some((s) => /^4\d\d$/.test(s))) problems.push(`${name}: no 4xx response documented`);
    }
    assert.deepEqual(problems, []);
  });

  it('has no /v1 operation that the server does not serve', () => {
    const served = new Set(v1.map((r) => `${r.method} ${openapiPath(r.path)}`));
    const extra: string[] = [];
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (!path.startsWith('/v1/')) continue;
      for (const method of Object.keys(ops)) if (!served.has(`${method.toUpperCase()} ${path}`)) extra.push(`${method.toUpperCase()} ${path}`);
    }
    assert.deepEqual(extra, []);
  });

  it('serves the interactive reference at /docs', async () => {
    let url = '/docs';
    let res = await h.app.inject({ method: 'GET', url });
    for (let hops = 0; hops < 5 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      const location = res.headers.location;
      assert.ok(typeof location === 'string', `redirect from ${url} without a Location`);
      url = new URL(location, `http://localhost${url}`).pathname;
      res = await h.app.inject({ method: 'GET', url });
    }
    assert.equal(res.statusCode, 200, `GET ${url} answered ${res.statusCode}`);
    assert.match(String(res.headers['content-type']), /text\/html/);
  });

  it('docs/api.md lists exactly the /v1 endpoints', () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    const listed = new Set([...doc.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/v1\/[^`\s]*)`/g)].map((m) => `${m[1]} ${m[2]}`));
    const served = new Set(v1.map((r) => `${r.method} ${openapiPath(r.path)}`));
    assert.deepEqual([...served].filter((r) => !listed.has(r)).sort(), [], 'endpoints missing from docs/api.md');
    assert.deepEqual([...listed].filter((r) => !served.has(r)).sort(), [], 'docs/api.md lists endpoints the server does not have');
  });
});
