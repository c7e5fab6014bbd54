import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateSchema, SCHEMA_FILE } from '../../packages/client/scripts/generate-schema.ts';

/** The SDK's types come from the server's schemas; a route change without `npm run sdk:generate` fails here. */
it('packages/client/src/schema.d.ts matches the server\'s OpenAPI document', async () => {
  const current = readFileSync(SCHEMA_FILE, 'utf8');
  const fresh = await generateSchema();
  assert.ok(fresh.includes('"/v1/mfa/challenges/{challengeId}/verify"'));
  assert.ok(current === fresh, 'packages/client/src/schema.d.ts is stale: run `npm run sdk:generate` and commit it');
});
