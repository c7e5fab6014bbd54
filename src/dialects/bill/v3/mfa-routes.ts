import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import { enrollFactor } from '../../../core/factor/enrollment.ts';
import { startChallenge, verifyChallenge } from '../../../core/challenge/challenges.ts';
import { stepUpWithDevice } from '../../../core/trust/remembered-devices.ts';
import { emptyBodyIsObject } from '../../../http/schemas.ts';
import { metaOf } from '../../../http/auth.ts';
import { BillError } from '../errors.ts';
import { orgCall } from './auth.ts';
import { ChallengeBody, SetupBody, StepUpBody, ValidateChallengeBody, ValidateSetupBody } from './schemas.ts';

/** Latchkey sends text messages only; BILL's other phone type (VOICE) is refused as a bad parameter. */
function assertTextType(type: string | undefined): void {
  if (type !== undefined && type.toUpperCase() !== 'TEXT') throw new BillError('BDC_1002', 400);
}

export function mfaRoutes(app: App, lk: Latchkey): void {
  app.post('/v3/mfa/setup', { schema: { body: SetupBody } }, async (req) => {
    // Since 2026-04-03 `primary` is optional and false is an HTTP 400.
    if (req.body.primary === false) throw new BillError('BDC_1002', 400);
    assertTextType(req.body.type);
    const ctx = await orgCall(lk, req);
    const r = await enrollFactor(lk.deps, ctx, 'sms', { phone: req.body.phone }, metaOf(req));
    // The setupId is the ID of the challenge that activates the phone.
    return { setupId: r.challenge!.challengeId };
  });

  app.post('/v3/mfa/validate', { schema: { body: ValidateSetupBody } }, async (req) => {
    assertTextType(req.body.type);
    const ctx = await orgCall(lk, req);
    await verifyChallenge(lk.deps, ctx, req.body.setupId, { code: req.body.token }, metaOf(req));
    return {};
  });

  app.post('/v3/mfa/challenge', { preValidation: emptyBodyIsObject, schema: { body: ChallengeBody } }, async (req) => {
    // Since 2026-04-03 only useBackup false is allowed.
    if (req.body.useBackup === true) throw new BillError('BDC_1002', 400);
    const ctx = await orgCall(lk, req);
    const c = await startChallenge(lk.deps, ctx, {}, metaOf(req));
    return { challengeId: c.challengeId };
  });

  app.post('/v3/mfa/challenge/validate', { schema: { body: ValidateChallengeBody } }, async (req) => {
    const { challengeId, token, rememberMe, device } = req.body;
    const ctx = await orgCall(lk, req);
    const r = await verifyChallenge(lk.deps, ctx, challengeId, { code: token, rememberMe, device }, metaOf(req));
    return r.rememberMeId === undefined ? {} : { rememberMeId: r.rememberMeId };
  });

  app.post('/v3/mfa/step-up', { schema: { body: StepUpBody } }, async (req) => {
    const ctx = await orgCall(lk, req);
    return { trusted: await stepUpWithDevice(lk.deps, ctx, req.body.rememberMeId, req.body.device, metaOf(req)) };
  });
}
