import type { Dialect } from './dialect.ts';
import { synapse } from './synapse/index.ts';
import { q2Dialect } from './q2/index.ts';
import { billV2, billV3 } from './bill/index.ts';
import { mxDialect } from './mx/index.ts';

/** Every installed dialect: one line each. */
export const DIALECTS: readonly Dialect[] = [
  synapse,
  q2Dialect,
  billV2, billV3,
  mxDialect,
];
