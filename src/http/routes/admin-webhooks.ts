import { Type } from 'typebox';
import type { App } from '../types.ts';
import type { Latchkey } from '../../registry.ts';
import type { WebhookDelivery } from '../../core/connection/model.ts';
import { getOrganizationFor } from '../../core/account/accounts.ts';
import { fail } from '../../core/errors.ts';
import { requireAdmin } from '../auth.ts';
import { errors, Id, isoTimes, Limit, limitOf, NullableTimestamp, security, Timestamp } from '../schemas.ts';
import { createEndpoint, replayDelivery } from '../../webhooks/webhooks.ts';

const Endpoint = Type.Object({ endpointId: Type.String(), organizationId: Type.String(), url: Type.String(), createdAt: Timestamp });
const Delivery = Type.Object({
  deliveryId: Type.String(), endpointId: Type.String(), eventId: Type.String(), connectionId: Type.String(), seq: Type.Integer(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]), attempts: Type.Integer(),
  nextAttemptAt: Timestamp, lastError: Type.Union([Type.String(), Type.Null()]), deliveredAt: NullableTimestamp, createdAt: Timestamp,
});
const viewDelivery = ({ id, leaseUntil: _l, ...d }: WebhookDelivery) => ({ deliveryId: id, ...d });

export function adminWebhookRoutes(app: App, lk: Latchkey): void {
  const d = lk.connectionDeps;
  const admin = { tags: ['Admin: webhooks'], security: security.admin };
  const OrgParams = Type.Object({ organizationId: Id('Organization ID') });

  app.post('/v1/admin/organizations/:organizationId/webhooks', {
    schema: {
      ...admin, summary: 'Register a webhook endpoint',
      description: 'Every connection transition of the organization is POSTed to the URL, signed in the Latchkey-Signature header (t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>"> under the secret shown once here), in order per connection, retried with backoff.',
      params: OrgParams, body: Type.Object({ url: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
      response: { 201: Type.Intersect([Endpoint, Type.Object({ secret: Type.String() })]), ...errors(400, 401, 404) },
    },
  }, async (req, reply) => {
    await requireAdmin(lk, req);
    const org = await getOrganizationFor(d, req.params.organizationId, () => true);
    const { endpoint, secret } = await createEndpoint(d, org.id, req.body.url, { allowPrivate: lk.config.sandbox });
    return reply.status(201).send(isoTimes({ endpointId: endpoint.id, organizationId: org.id, url: endpoint.url, createdAt: endpoint.createdAt, secret }));
  });

  app.get('/v1/admin/organizations/:organizationId/webhooks', {
    schema: { ...admin, summary: 'List webhook endpoints', params: OrgParams, response: { 200: Type.Object({ endpoints: Type.Array(Endpoint) }), ...errors(401, 404) } },
  }, async (req) => {
    await requireAdmin(lk, req);
    const org = await getOrganizationFor(d, req.params.organizationId, () => true);
    const list = await d.connections.webhooks.listEndpoints(org.id);
    return isoTimes({ endpoints: list.map((e) => ({ endpointId: e.id, organizationId: e.orgId, url: e.url, createdAt: e.createdAt })) });
  });

  app.delete('/v1/admin/webhooks/:endpointId', {
    schema: { ...admin, summary: 'Disable a webhook endpoint', params: Type.Object({ endpointId: Id('Endpoint ID') }), response: { 204: Type.Null(), ...errors(401, 404) } },
  }, async (req, reply) => {
    await requireAdmin(lk, req);
    const e = await d.connections.webhooks.getEndpoint(req.params.endpointId);
    if (!e || e.disabledAt !== null) fail('LK_ERR_NOT_FOUND', { field: 'endpointId' });
    await d.connections.webhooks.disableEndpoint(e.id, lk.clock.now());
    return reply.status(204).send(null);
  });

  app.get('/v1/admin/webhook-deliveries', {
    schema: {
      ...admin, summary: 'The webhook delivery log', description: 'Newest first: status, attempts, last error, next attempt.',
      querystring: Type.Object({
        organizationId: Type.Optional(Id('Organization')), endpointId: Type.Optional(Id('Endpoint')), connectionId: Type.Optional(Id('Connection')), limit: Limit,
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ deliveries: Type.Array(Delivery) }), ...errors(400, 401) },
    },
  }, async (req) => {
    await requireAdmin(lk, req);
    const q = req.query;
    const list = await d.connections.webhooks.listDeliveries({ orgId: q.organizationId, endpointId: q.endpointId, connectionId: q.connectionId, limit: limitOf(q.limit) });
    return isoTimes({ deliveries: list.map(viewDelivery) });
  });

  app.post('/v1/admin/webhook-deliveries/:deliveryId/replay', {
    schema: {
      ...admin, summary: 'Send a delivery again', params: Type.Object({ deliveryId: Id('Delivery ID') }),
      response: { 202: Delivery, ...errors(401, 404) },
    },
  }, async (req, reply) => {
    await requireAdmin(lk, req);
    const r = await replayDelivery(d, req.params.deliveryId);
    lk.startWorker().wake();
    return reply.status(202).send(isoTimes(viewDelivery(r)));
  });
}
