import { Type } from 'typebox';
import type { App } from '../types.ts';
import type { Latchkey } from '../../registry.ts';
import { createDevKey, createOrganization, createUser, getOrganizationFor, revokeDevKey, updateOrganization } from '../../core/account/accounts.ts';
import { unlock } from '../../core/account/lockout.ts';
import { listDevices, revokeDevice, viewDevice } from '../../core/trust/remembered-devices.ts';
import { fail } from '../../core/errors.ts';
import { metaOf, requireAdmin } from '../auth.ts';
import { errors, Id, Limit, limitOf, security, Timestamp, isoTimes } from '../schemas.ts';
import { OrganizationBody, OrganizationPatchBody, OrganizationView, UserBody, UserView } from '../account-schemas.ts';
import { viewOrganization, viewUser } from '../views.ts';
import { Device } from './mfa.ts';
import { DAY_MS, MINUTE_MS } from '../../core/limits.ts';

const OrgParams = Type.Object({ organizationId: Id('Organization ID') });
const UserParams = Type.Object({ userId: Id('User ID') });
const any = () => true;

const AuditEvent = Type.Object({
  id: Type.String(), organizationId: Type.Union([Type.String(), Type.Null()]), userId: Type.Union([Type.String(), Type.Null()]),
  type: Type.String(), occurredAt: Timestamp, ip: Type.Union([Type.String(), Type.Null()]), data: Type.Record(Type.String(), Type.Unknown()),
});
const OutboxMessage = Type.Object({
  id: Type.String(), organizationId: Type.String(), userId: Type.Union([Type.String(), Type.Null()]),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]), destination: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]), body: Type.String(), createdAt: Timestamp,
});
const ClockView = Type.Object({ now: Timestamp, offsetSeconds: Type.Number() });

export function adminRoutes(app: App, lk: Latchkey): void {
  const { deps } = lk;
  const admin = { tags: ['Admin'], security: security.admin };
  const getUser = async (id: string) => (await deps.store.users.get(id)) ?? fail('LK_ERR_NOT_FOUND', { field: 'userId' });

  app.post('/v1/admin/organizations', {
    schema: { ...admin, summary: 'Create an organization', body: OrganizationBody, response: { 201: OrganizationView, ...errors(400, 401) } },
  }, async (req, reply) => {
    await requireAdmin(lk, req);
    return reply.status(201).send(isoTimes(viewOrganization(await createOrganization(deps, req.body))));
  });

  app.get('/v1/admin/organizations/:organizationId', {
    schema: { ...admin, summary: 'Read an organization', params: OrgParams, response: { 200: OrganizationView, ...errors(401, 404) } },
  }, async (req) => {
    await requireAdmin(lk, req);
    return isoTimes(viewOrganization(await getOrganizationFor(deps, req.params.organizationId, any)));
  });

  app.patch('/v1/admin/organizations/:organizationId', {
    schema: {
      ...admin, summary: 'Change an organization\'s settings (MFA requirement, idle timeout, …)', params: OrgParams, body: OrganizationPatchBody,
      response: { 200: OrganizationView, ...errors(400, 401, 404) },
    },
  }, async (req) => {
    await requireAdmin(lk, req);
    return isoTimes(viewOrganization(await updateOrganization(deps, req.params.organizationId, req.body)));
  });

  app.post('/v1/admin/organizations/:organizationId/users', {
    schema: { ...admin, summary: 'Create a user', params: OrgParams, body: UserBody, response: { 201: UserView, ...errors(400, 401, 404, 409) } },
  }, async (req, reply) => {
    await requireAdmin(lk, req);
    const org = await getOrganizationFor(deps, req.params.organizationId, any);
    return reply.status(201).send(isoTimes(viewUser(await createUser(deps, org, req.body), lk.clock.now())));
  });

  app.get('/v1/admin/organizations/:organizationId/users', {
    schema: { ...admin, summary: 'List users', params: OrgParams, response: { 200: Type.Object({ users: Type.Array(UserView) }), ...errors(401, 404) } },
  }, async (req) => {
    await requireAdmin(lk, req);
    const org = await getOrganizationFor(deps, req.params.organizationId, any);
    return isoTimes({ users: (await deps.store.users.listByOrg(org.id)).map((u) => viewUser(u, lk.clock.now())) });
  });

  app.post('/v1/admin/organizations/:organizationId/dev-keys', {
    schema: {
      ...admin, summary: 'Create a developer key', description: 'The key is shown once. A partner key may create organizations and open sessions as their users.',
      params: OrgParams,
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), partner: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 201: Type.Object({ keyId: Type.String(), key: Type.String(), name: Type.String(), partner: Type.Boolean(), organizationId: Type.String() }), ...errors(400, 401, 404) },
    },
  }, async (req, reply) => {
    await requireAdmin(lk, req);
    const org = await getOrganizationFor(deps, req.params.organizationId, any);
    const { key, devKey } = await createDevKey(deps, org, req.body);
    return reply.status(201).send({ keyId: devKey.id, key, name: devKey.name, partner: devKey.partner, organizationId: org.id });
  });

  app.delete('/v1/admin/dev-keys/:keyId', {
    schema: {
      ...admin, summary: 'Revoke a developer key',
      description: 'From now on every request with this key is refused (401), and so is every session opened with it. Other server processes stop accepting it within 5 seconds. Revoking twice is the same as once.',
      params: Type.Object({ keyId: Id('Developer key ID (keyId)') }), response: { 204: Type.Null(), ...errors(401, 404) },
    },
  }, async (req, reply) => {
    await requireAdmin(lk, req);
    await revokeDevKey(deps, req.params.keyId, metaOf(req));
    return reply.status(204).send(null);
  });

  app.post('/v1/admin/users/:userId/unlock', {
    schema: { ...admin, summary: 'Clear an account lock', params: UserParams, response: { 200: UserView, ...errors(401, 404) } },
  }, async (req) => {
    await requireAdmin(lk, req);
    const user = await getUser(req.params.userId);
    await unlock(deps, user, metaOf(req));
    return isoTimes(viewUser({ ...user, lockedUntil: null, failedAttempts: 0 }, lk.clock.now()));
  });

  app.get('/v1/admin/users/:userId/devices', {
    schema: { ...admin, summary: 'List a user\'s remembered devices', params: UserParams, response: { 200: Type.Object({ devices: Type.Array(Device) }), ...errors(401, 404) } },
  }, async (req) => {
    await requireAdmin(lk, req);
    const user = await getUser(req.params.userId);
    return isoTimes({ devices: (await listDevices(deps, user.id)).map(viewDevice) });
  });

  app.delete('/v1/admin/users/:userId/devices/:deviceId', {
    schema: {
      ...admin, summary: 'Revoke a user\'s remembered device', params: Type.Object({ userId: Id('User ID'), deviceId: Id('Device ID') }),
      response: { 204: Type.Null(), ...errors(401, 404) },
    },
  }, async (req, reply) => {
    await requireAdmin(lk, req);
    await revokeDevice(deps, await getUser(req.params.userId), req.params.deviceId, metaOf(req));
    return reply.status(204).send(null);
  });

  app.get('/v1/admin/audit', {
    schema: {
      ...admin, summary: 'Read the audit log', description: 'Newest first.',
      querystring: Type.Object({ organizationId: Type.Optional(Id('Organization')), userId: Type.Optional(Id('User')), type: Type.Optional(Type.String({ maxLength: 64 })), limit: Limit }, { additionalProperties: false }),
      response: { 200: Type.Object({ events: Type.Array(AuditEvent) }), ...errors(400, 401) },
    },
  }, async (req) => {
    await requireAdmin(lk, req);
    const q = req.query;
    const events = await deps.store.audit.list({ orgId: q.organizationId, userId: q.userId, type: q.type, limit: limitOf(q.limit) });
    return isoTimes({ events: events.map(({ orgId, at, ...e }) => ({ organizationId: orgId, occurredAt: at, ...e })) });
  });

  app.get('/v1/admin/outbox', {
    schema: {
      ...admin, summary: 'Read the outbox', description: 'Messages the outbox channel kept (all SMS and email in sandbox mode), newest first.',
      querystring: Type.Object({ organizationId: Type.Optional(Id('Organization')), destination: Type.Optional(Type.String({ maxLength: 320 })), limit: Limit }, { additionalProperties: false }),
      response: { 200: Type.Object({ messages: Type.Array(OutboxMessage) }), ...errors(400, 401) },
    },
  }, async (req) => {
    await requireAdmin(lk, req);
    const q = req.query;
    const messages = await deps.store.outbox.list({ orgId: q.organizationId, destination: q.destination, limit: limitOf(q.limit) });
    return isoTimes({ messages: messages.map(({ orgId, ...m }) => ({ organizationId: orgId, ...m })) });
  });

  app.get('/v1/admin/clock', {
    schema: { ...admin, summary: 'The server clock (sandbox time travel)', response: { 200: ClockView, ...errors(401) } },
  }, async (req) => {
    await requireAdmin(lk, req);
    return { now: new Date(lk.clock.now()).toISOString(), offsetSeconds: lk.clock.offsetMs / 1000 };
  });

  app.post('/v1/admin/clock/advance', {
    schema: {
      ...admin, summary: 'Move the sandbox clock forward',
      description: 'Sandbox mode only. Moves time forward by the sum of the given amounts, to watch sessions idle out, challenges and devices expire.',
      body: Type.Object({
        seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 31_536_000 })),
        minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 525_600 })),
        days: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: ClockView, ...errors(400, 401, 403) },
    },
  }, async (req) => {
    await requireAdmin(lk, req);
    if (!lk.config.sandbox) fail('LK_ERR_SANDBOX_ONLY');
    const { seconds = 0, minutes = 0, days = 0 } = req.body;
    await lk.advanceClock(seconds * 1000 + minutes * MINUTE_MS + days * DAY_MS);
    return { now: new Date(lk.clock.now()).toISOString(), offsetSeconds: lk.clock.offsetMs / 1000 };
  });
}
