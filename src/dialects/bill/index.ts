/** BILL's two API versions over one engine: one session store, one set of rules (the core's). */
export { billV2 } from './v2/index.ts';
export { billV3 } from './v3/index.ts';
