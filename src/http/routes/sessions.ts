import { Type } from 'typebox';
import type { App } from '../types.ts';
import type { Latchkey } from '../../registry.ts';
import { signIn, logout, type SignInResult } from '../../core/session/sign-in.ts';
import { describeSession } from '../../core/session/sessions.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../core/session/api-tokens.ts';
import { metaOf, requireDevKey, requireSession } from '../auth.ts';
import { DeviceName, errors, Id, MfaStatus, NullableTimestamp, RememberMeId, security, Timestamp, isoTimes } from '../schemas.ts';

export const SignInBody = Type.Object({
  organizationId: Id('Organization ID (begins with 008)'),
  username: Type.String({ minLength: 1, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  rememberMeId: Type.Optional(RememberMeId),
  device: Type.Optional(DeviceName),
}, { additionalProperties: false });

export const SessionCreated = Type.Object({
  sessionId: Type.String({ description: 'Opaque session ID: send as Authorization: Bearer <sessionId>. Shown only here.' }),
  userId: Type.String(), organizationId: Type.String(), mfaStatus: MfaStatus, trusted: Type.Boolean(),
  expiresAt: NullableTimestamp,
});

export const SessionInfo = Type.Object({
  userId: Type.String(), username: Type.String(), organizationId: Type.String(),
  kind: Type.Union([Type.Literal('user'), Type.Literal('partner'), Type.Literal('api_token')]),
  scope: Type.Union([Type.Literal('read'), Type.Literal('write')]),
  mfaStatus: MfaStatus, trusted: Type.Boolean(), trustedAt: NullableTimestamp, trustMethod: Type.Union([Type.String(), Type.Null()]),
  trustExpiresAt: NullableTimestamp, expiresAt: NullableTimestamp, absoluteExpiresAt: NullableTimestamp,
});

const ApiToken = Type.Object({
  tokenId: Type.String(), name: Type.Union([Type.String(), Type.Null()]), scope: Type.Union([Type.Literal('read'), Type.Literal('write')]),
  createdAt: Timestamp, lastUsedAt: Timestamp, revoked: Type.Boolean(),
});

/** The answer to every sign-in: the sessionId (shown once) and the session's MFA state. */
export function sessionCreated(r: SignInResult) {
  const info = describeSession(r.ctx, r.hasActiveFactor);
  return { sessionId: r.token, userId: r.ctx.user.id, organizationId: r.ctx.org.id, mfaStatus: info.mfaStatus, trusted: info.trusted, expiresAt: info.expiresAt };
}

export function sessionRoutes(app: App, lk: Latchkey): void {
  app.post('/v1/sessions', {
    schema: {
      tags: ['Sessions'], summary: 'Sign in', security: security.devKey, body: SignInBody,
      description: 'Opens an API session that idles out after the organization\'s idle timeout (35 minutes by default). With rememberMeId and the same device the session is MFA-trusted at once.',
      response: { 201: SessionCreated, ...errors(400, 401, 423, 429) },
    },
  }, async (req, reply) => {
    const devKey = await requireDevKey(lk, req);
    const r = await signIn(lk.deps, devKey, req.body, metaOf(req));
    return reply.status(201).send(isoTimes(sessionCreated(r)));
  });

  app.get('/v1/session', {
    schema: { tags: ['Sessions'], summary: 'Session info and MFA status', security: security.session, response: { 200: SessionInfo, ...errors(401) } },
  }, async (req) => {
    const ctx = await requireSession(lk, req);
    return isoTimes(describeSession(ctx, ctx.hasActiveFactor));
  });

  app.delete('/v1/session', {
    schema: { tags: ['Sessions'], summary: 'Sign out', description: 'Ends the session at once.', security: security.session, response: { 204: Type.Null(), ...errors(401) } },
  }, async (req, reply) => {
    const ctx = await requireSession(lk, req);
    await logout(lk.deps, ctx.session, metaOf(req));
    return reply.status(204).send(null);
  });

  app.post('/v1/api-tokens', {
    schema: {
      tags: ['API tokens'], summary: 'Create an API token', security: security.session,
      description: 'A long-lived, revocable token for server-to-server use, read-only unless scope is "write". It is never MFA-trusted. Use it as Authorization: Bearer <token>.',
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), scope: Type.Optional(Type.Union([Type.Literal('read'), Type.Literal('write')])) }, { additionalProperties: false }),
      response: { 201: Type.Intersect([Type.Object({ token: Type.String() }), ApiToken]), ...errors(400, 401, 403) },
    },
  }, async (req, reply) => {
    const ctx = await requireSession(lk, req);
    const { token, view } = await createApiToken(lk.deps, ctx, req.body, metaOf(req));
    return reply.status(201).send(isoTimes({ token, ...view }));
  });

  app.get('/v1/api-tokens', {
    schema: { tags: ['API tokens'], summary: 'List API tokens', security: security.session, response: { 200: Type.Object({ tokens: Type.Array(ApiToken) }), ...errors(401) } },
  }, async (req) => {
    const ctx = await requireSession(lk, req);
    return isoTimes({ tokens: await listApiTokens(lk.deps, ctx.user.id) });
  });

  app.delete('/v1/api-tokens/:tokenId', {
    schema: {
      tags: ['API tokens'], summary: 'Revoke an API token', security: security.session,
      params: Type.Object({ tokenId: Id('API token ID') }), response: { 204: Type.Null(), ...errors(401, 404) },
    },
  }, async (req, reply) => {
    const ctx = await requireSession(lk, req);
    await revokeApiToken(lk.deps, ctx, req.params.tokenId, metaOf(req));
    return reply.status(204).send(null);
  });
}
