import type { Dialect } from './dialect.ts';

/** Every installed dialect: one line each. */
export const DIALECTS: readonly Dialect[] = [
];
