/**
 * Probes for bench/floor.ts, added to the benchmark's Latchkey child when LATCHKEY_BENCH_PROBES
 * is set: routes that do part of what POST /v1/mfa/challenges/{id}/verify does, on the same app
 * (its hooks, error handler and content-type parsers), to show what each part costs.
 */
import { Type } from 'typebox';
import type { App } from '../src/http/types.ts';
import type { Latchkey } from '../src/registry.ts';
import { requireSession } from '../src/http/auth.ts';
import { VerifyBody, VerifyResult } from '../src/http/routes/mfa.ts';
import { Id, isoTimes } from '../src/http/schemas.ts';

export const PROBE_PATHS = {
  /** The verify route's schemas (params, body, response), answering a constant. */
  http: (challengeId: string) => `/bench/http/${challengeId}/verify`,
  /** The same, after resolving the developer key and the session as the verify route does. */
  session: (challengeId: string) => `/bench/session/${challengeId}/verify`,
};

export function probeRoutes(app: App, lk: Latchkey): void {
  const schema = { hide: true, params: Type.Object({ challengeId: Id('Challenge ID') }), body: VerifyBody, response: { 200: VerifyResult } };
  const answer = (trustedAt: number) => isoTimes({ trusted: true as const, trustedAt, factorId: 'fac_probe', factorType: 'sms' as const, purpose: 'sign_in' as const });
  app.post('/bench/http/:challengeId/verify', { schema }, async () => answer(lk.deps.clock.now()));
  app.post('/bench/session/:challengeId/verify', { schema }, async (req) => answer((await requireSession(lk, req)).session.createdAt));
}
