import { Type } from 'typebox';
import type { App } from '../types.ts';
import type { Latchkey } from '../../registry.ts';
import { authorizeOperation, performProtected, SANDBOX_OPERATIONS } from '../../core/policy/protected-operations.ts';
import { LatchkeyError } from '../../core/errors.ts';
import { bearerOf, metaOf, requireDevKey, requireSession } from '../auth.ts';
import { errors, security, Timestamp, isoTimes } from '../schemas.ts';
import { deny } from '../../core/policy/policy.ts';

const Decision = Type.Object({
  allow: Type.Boolean(), operation: Type.String(),
  reason: Type.Optional(Type.Union([Type.Literal('mfa_required'), Type.Literal('step_up_required'), Type.Literal('session_expired'), Type.Literal('forbidden')])),
  next: Type.Optional(Type.String({ description: 'What the caller should do to be allowed.' })),
});

const kebab = (op: string) => op.replace(/_/g, '-');

export function operationRoutes(app: App, lk: Latchkey): void {
  app.post('/v1/authorize', {
    schema: {
      tags: ['Policy'], summary: 'May this session perform an operation?',
      description: 'For upstream APIs: send the caller\'s developer key and session, and the operation name. Always 200 unless the developer key is bad: allow, or deny with reason (mfa_required, step_up_required, session_expired, forbidden) and the next step.',
      security: security.session,
      body: Type.Object({ operation: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z][a-z0-9_]*$' }) }, { additionalProperties: false }),
      response: { 200: Decision, ...errors(400, 401) },
    },
  }, async (req) => {
    await requireDevKey(lk, req);
    if (!bearerOf(req)) return deny(req.body.operation, 'session_expired');
    try {
      const ctx = await requireSession(lk, req);
      return await authorizeOperation(lk.deps, lk.policy, ctx, req.body.operation, metaOf(req));
    } catch (err) {
      if (err instanceof LatchkeyError && err.code === 'LK_ERR_SESSION_INVALID') return deny(req.body.operation, 'session_expired');
      throw err;
    }
  });

  if (!lk.config.sandbox) return;
  for (const operation of SANDBOX_OPERATIONS) {
    app.post(`/v1/operations/${kebab(operation)}`, {
      schema: {
        tags: ['Sandbox operations'], summary: `Protected operation: ${operation} (sandbox)`,
        description: 'Needs an MFA-trusted session. The sandbox records the request instead of moving money.',
        security: security.session,
        body: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Any JSON object; recorded as given.' })),
        response: { 201: Type.Object({ requestId: Type.String(), operation: Type.String(), createdAt: Timestamp }), ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      const ctx = await requireSession(lk, req);
      const r = await performProtected(lk.deps, lk.policy, ctx, operation, (req.body ?? {}) as Record<string, unknown>, metaOf(req));
      return reply.status(201).send(isoTimes(r));
    });
  }
}
