import { Type } from 'typebox';
import type { App } from '../types.ts';
import type { Latchkey } from '../../registry.ts';
import { enrollFactor, listFactors, removeFactor } from '../../core/factor/enrollment.ts';
import { assertInteractive, resendChallenge, startChallenge, verifyChallenge } from '../../core/challenge/challenges.ts';
import { listDevices, revokeDevice, viewDevice } from '../../core/trust/remembered-devices.ts';
import { metaOf, requireSession } from '../auth.ts';
import { DeviceName, Email, emptyBodyIsObject, errors, FactorType, Id, NullableTimestamp, Phone, security, Timestamp, isoTimes } from '../schemas.ts';

export const FactorView = Type.Object({
  factorId: Type.String(), type: FactorType, status: Type.Union([Type.Literal('pending'), Type.Literal('active')]),
  label: Type.String(), destination: Type.Union([Type.String(), Type.Null()]), createdAt: Timestamp, activatedAt: NullableTimestamp,
});

export const ChallengeView = Type.Object({
  challengeId: Type.String(), factorId: Type.String(), factorType: FactorType,
  purpose: Type.Union([Type.Literal('sign_in'), Type.Literal('enroll')]),
  destination: Type.Union([Type.String(), Type.Null()], { description: 'Where the code went, masked; null for factors that send nothing.' }),
  expiresAt: Timestamp, attemptsRemaining: Type.Integer(),
});

export const EnrollBody = Type.Object({
  type: FactorType,
  phone: Type.Optional(Phone),
  email: Type.Optional(Email),
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
}, { additionalProperties: false });

export const VerifyBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 32, description: 'The 6-digit code, or a backup code' }),
  rememberMe: Type.Optional(Type.Boolean({ description: 'Remember this device (180 days by default)' })),
  device: Type.Optional(DeviceName),
}, { additionalProperties: false });

export const VerifyResult = Type.Object({
  trusted: Type.Literal(true), trustedAt: Timestamp, factorId: Type.String(), factorType: FactorType,
  purpose: Type.Union([Type.Literal('sign_in'), Type.Literal('enroll')]),
  rememberMeId: Type.Optional(Type.String({ description: 'Only with rememberMe: send it with the device name at sign-in.' })),
  deviceId: Type.Optional(Type.String()),
});

export const Device = Type.Object({
  deviceId: Type.String(), deviceName: Type.String(), createdAt: Timestamp, expiresAt: Timestamp, lastUsedAt: NullableTimestamp,
});

const ChallengeParams = Type.Object({ challengeId: Id('Challenge ID') });

export function mfaRoutes(app: App, lk: Latchkey): void {
  app.get('/v1/factors', {
    schema: { tags: ['Factors'], summary: 'List the user\'s factors', security: security.session, response: { 200: Type.Object({ factors: Type.Array(FactorView) }), ...errors(401) } },
  }, async (req) => {
    const ctx = await requireSession(lk, req);
    return isoTimes({ factors: await listFactors(lk.deps, ctx.user.id) });
  });

  app.post('/v1/factors', {
    schema: {
      tags: ['Factors'], summary: 'Set up a factor', security: security.session, body: EnrollBody,
      description: 'sms and email send a code (the returned challenge; verify it to activate the factor). totp returns an otpauth URI and a QR code; verify a code from the app to activate it. backup_codes returns the codes once and is active at once. Once a user has an active factor, adding or removing one needs a verification within the last 10 minutes.',
      response: {
        201: Type.Object({
          factor: FactorView, challenge: Type.Union([ChallengeView, Type.Null()]),
          otpauthUri: Type.Optional(Type.String()), qrCode: Type.Optional(Type.String({ description: 'PNG data URI' })),
          backupCodes: Type.Optional(Type.Array(Type.String(), { description: 'Shown once; store them safely.' })),
        }),
        ...errors(400, 401, 403, 422, 429, 502),
      },
    },
  }, async (req, reply) => {
    const ctx = await requireSession(lk, req);
    const { type, ...input } = req.body;
    const r = await enrollFactor(lk.deps, ctx, type, input, metaOf(req));
    return reply.status(201).send(isoTimes({ factor: r.factor, challenge: r.challenge, ...r.reveal }));
  });

  app.delete('/v1/factors/:factorId', {
    schema: {
      tags: ['Factors'], summary: 'Remove a factor', security: security.session,
      params: Type.Object({ factorId: Id('Factor ID') }), response: { 204: Type.Null(), ...errors(401, 403, 404) },
    },
  }, async (req, reply) => {
    const ctx = await requireSession(lk, req);
    await removeFactor(lk.deps, ctx, req.params.factorId, metaOf(req));
    return reply.status(204).send(null);
  });

  app.post('/v1/mfa/challenges', {
    preValidation: emptyBodyIsObject,
    schema: {
      tags: ['MFA'], summary: 'Start an MFA challenge',
      description: 'Sends a code (SMS or email) or prepares a TOTP or backup-code challenge. Without factorId, type or useBackup the strongest active factor is used (sms, then totp, then email).',
      security: security.session,
      body: Type.Object({
        factorId: Type.Optional(Id('Factor to use')), type: Type.Optional(FactorType),
        useBackup: Type.Optional(Type.Boolean({ description: 'Answer with a backup code' })),
      }, { additionalProperties: false }),
      response: { 201: ChallengeView, ...errors(400, 401, 403, 404, 409, 423, 429, 502) },
    },
  }, async (req, reply) => {
    const ctx = await requireSession(lk, req);
    return reply.status(201).send(isoTimes(await startChallenge(lk.deps, ctx, req.body, metaOf(req))));
  });

  app.post('/v1/mfa/challenges/:challengeId/resend', {
    schema: {
      tags: ['MFA'], summary: 'Send a new code for a challenge', description: 'The failure count of the challenge is kept (NIST SP 800-63B rev 4).',
      security: security.session, params: ChallengeParams, response: { 200: ChallengeView, ...errors(400, 401, 404, 409, 410, 429, 502) },
    },
  }, async (req) => {
    const ctx = await requireSession(lk, req);
    return isoTimes(await resendChallenge(lk.deps, ctx, req.params.challengeId, metaOf(req)));
  });

  app.post('/v1/mfa/challenges/:challengeId/verify', {
    schema: {
      tags: ['MFA'], summary: 'Verify a challenge',
      description: 'A correct code makes the session MFA-trusted (and activates a factor being set up). Five wrong codes kill the challenge; ten consecutive failures, sign-in and MFA together, lock the account for 30 minutes.',
      security: security.session, params: ChallengeParams, body: VerifyBody,
      response: { 200: VerifyResult, ...errors(400, 401, 404, 409, 410, 422, 423) },
    },
  }, async (req) => {
    const ctx = await requireSession(lk, req);
    return isoTimes(await verifyChallenge(lk.deps, ctx, req.params.challengeId, req.body, metaOf(req)));
  });

  app.get('/v1/devices', {
    schema: { tags: ['Remembered devices'], summary: 'List remembered devices', security: security.session, response: { 200: Type.Object({ devices: Type.Array(Device) }), ...errors(401) } },
  }, async (req) => {
    const ctx = await requireSession(lk, req);
    const devices = (await listDevices(lk.deps, ctx.user.id)).map(viewDevice);
    return isoTimes({ devices });
  });

  app.delete('/v1/devices/:deviceId', {
    schema: {
      tags: ['Remembered devices'], summary: 'Forget a remembered device', security: security.session,
      params: Type.Object({ deviceId: Id('Device ID') }), response: { 204: Type.Null(), ...errors(401, 404) },
    },
  }, async (req, reply) => {
    const ctx = await requireSession(lk, req);
    assertInteractive(ctx);
    await revokeDevice(lk.deps, ctx.user, req.params.deviceId, metaOf(req));
    return reply.status(204).send(null);
  });
}
