import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { serverOpenApiDocument } from './openapi-document.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../src/schema.d.ts', import.meta.url));

const HEADER = `/**
 * Latchkey's native API, as TypeScript types generated from the server's
 * OpenAPI document by openapi-typescript. Do not edit: run \`npm run sdk:generate\`
 * (test/client/schema-fresh.test.ts fails when this file is stale).
 */

`;

/** The schema.d.ts the current server source produces. */
export async function generateSchema(): Promise<string> {
  const ast = await openapiTS(await serverOpenApiDocument() as unknown as OpenAPI3, { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const next = await generateSchema();
  const changed = next !== readFileSync(SCHEMA_FILE, { encoding: 'utf8', flag: 'a+' });
  if (changed) writeFileSync(SCHEMA_FILE, next);
  process.stdout.write(`${SCHEMA_FILE} ${changed ? 'updated' : 'already up to date'}\n`);
}
