import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import { loginAsUser, signIn } from '../../../core/session/sign-in.ts';
import { resolveDevKey } from '../../../core/session/sessions.ts';
import { createOrganization, createUser, getOrganizationFor } from '../../../core/account/accounts.ts';
import { metaOf } from '../../../http/auth.ts';
import { billTime } from '../shared.ts';
import { keyOf, partnerCall, requiredHeader } from './auth.ts';
import { LoginAsUserBody, OrganizationBody, PartnerLoginBody, PartnerUserBody } from './schemas.ts';
import { signedIn } from './session-routes.ts';

export function partnerRoutes(app: App, lk: Latchkey): void {
  app.post('/v3/partner/login', { schema: { body: PartnerLoginBody } }, async (req) => {
    const appKey = await resolveDevKey(lk.deps, keyOf(req, req.body.appKey, 'appKey'));
    // BILL's partner login names no organization: the partner signs in to the organization its key belongs to.
    const input = { organizationId: appKey.orgId, username: req.body.username, password: req.body.password };
    const r = await signIn(lk.deps, appKey, input, metaOf(req), { partner: true });
    return { sessionId: r.token };
  });

  app.post('/v3/partner/login-as-user', { schema: { body: LoginAsUserBody } }, async (req) => {
    const ctx = await partnerCall(lk, req);
    return signedIn(await loginAsUser(lk.deps, ctx, req.body, metaOf(req)));
  });

  app.post('/v3/partner/organizations', { schema: { body: OrganizationBody } }, async (req) => {
    const ctx = await partnerCall(lk, req);
    const org = await createOrganization(lk.deps, { name: req.body.name }, ctx.devKey.id);
    const time = billTime(org.createdAt);
    return { ...req.body, id: org.id, archived: false, name: org.name, createdTime: time, updatedTime: time };
  });

  app.post('/v3/partner/users', { schema: { body: PartnerUserBody } }, async (req) => {
    const ctx = await partnerCall(lk, req);
    const org = await getOrganizationFor(lk.deps, requiredHeader(req, 'organizationId'), (o) => o.partnerKeyId === ctx.devKey.id);
    const { firstName, lastName, email, username, password } = req.body;
    // BILL's partner-made users have no password (the partner signs in as them); Latchkey's core needs one, so a random one unless given.
    const user = await createUser(lk.deps, org, { username, email, password: password ?? lk.deps.random.token(24) });
    const time = billTime(user.createdAt);
    return { id: user.id, archived: false, firstName, lastName: lastName ?? null, email, role: { type: 'ADMINISTRATOR' }, createdTime: time, updatedTime: time };
  });
}
