import { Type } from 'typebox';
import type { App } from '../types.ts';
import type { Latchkey } from '../../registry.ts';
import { loginAsUser, signIn } from '../../core/session/sign-in.ts';
import { createOrganization, createUser, getOrganizationFor } from '../../core/account/accounts.ts';
import { metaOf, requireDevKey, requirePartnerSession } from '../auth.ts';
import { DeviceName, emptyBodyIsObject, errors, Id, RememberMeId, security, isoTimes } from '../schemas.ts';
import { OrganizationBody, OrganizationView, UserBody, UserView } from '../account-schemas.ts';
import { viewOrganization, viewUser } from '../views.ts';
import { SessionCreated, SignInBody, sessionCreated } from './sessions.ts';

const PartnerSessionBody = Type.Omit(SignInBody, ['rememberMeId', 'device'], { additionalProperties: false });
const OrgParams = Type.Object({ organizationId: Id('Organization ID') });

export function partnerRoutes(app: App, lk: Latchkey): void {
  app.post('/v1/partner/sessions', {
    schema: {
      tags: ['Partners'], summary: 'Partner sign-in', security: security.devKey, body: PartnerSessionBody,
      description: 'Signs a partner user in with a partner-level key (X-Dev-Key) and opens a partner session, which may create organizations and users and open sessions as their users.',
      response: { 201: SessionCreated, ...errors(400, 401, 403, 423, 429) },
    },
  }, async (req, reply) => {
    const devKey = await requireDevKey(lk, req);
    const r = await signIn(lk.deps, devKey, req.body, metaOf(req), { partner: true });
    return reply.status(201).send(isoTimes(sessionCreated(r)));
  });

  app.post('/v1/partner/organizations', {
    schema: { tags: ['Partners'], summary: 'Create an organization', security: security.session, body: OrganizationBody, response: { 201: OrganizationView, ...errors(400, 401, 403) } },
  }, async (req, reply) => {
    const ctx = await requirePartnerSession(lk, req);
    return reply.status(201).send(isoTimes(viewOrganization(await createOrganization(lk.deps, req.body, ctx.devKey.id))));
  });

  app.post('/v1/partner/organizations/:organizationId/users', {
    schema: {
      tags: ['Partners'], summary: 'Create a user in an organization the partner created', security: security.session,
      params: OrgParams, body: UserBody, response: { 201: UserView, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const ctx = await requirePartnerSession(lk, req);
    const org = await getOrganizationFor(lk.deps, req.params.organizationId, (o) => o.partnerKeyId === ctx.devKey.id);
    return reply.status(201).send(isoTimes(viewUser(await createUser(lk.deps, org, req.body), lk.clock.now())));
  });

  app.post('/v1/partner/organizations/:organizationId/users/:userId/sessions', {
    preValidation: emptyBodyIsObject,
    schema: {
      tags: ['Partners'], summary: 'Open a session as a user (login as user)', security: security.session,
      description: 'The new session is not MFA-trusted, unless rememberMeId and the same device name are sent.',
      params: Type.Object({ organizationId: Id('Organization ID'), userId: Id('User ID') }),
      body: Type.Object({ rememberMeId: Type.Optional(RememberMeId), device: Type.Optional(DeviceName) }, { additionalProperties: false }),
      response: { 201: SessionCreated, ...errors(400, 401, 403, 404, 423) },
    },
  }, async (req, reply) => {
    const ctx = await requirePartnerSession(lk, req);
    const r = await loginAsUser(lk.deps, ctx, { organizationId: req.params.organizationId, userId: req.params.userId, ...req.body }, metaOf(req));
    return reply.status(201).send(isoTimes(sessionCreated(r)));
  });
}

