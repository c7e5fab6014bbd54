import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import type { InstitutionConnector } from '../../../ports/institution.ts';
import { connectorOf, createConnection, deleteConnection, openCredentials, reauthenticate } from '../../../core/connection/connections.ts';
import { metaOf } from '../../../http/auth.ts';
import { callerOf } from '../mx-auth.ts';
import { memberOf, snapshotOf, userOf } from '../mx-context.ts';
import { MxError } from '../mx-errors.ts';
import { credentialGuid } from '../mx-ids.ts';
import { paginate } from '../mx-pagination.ts';
import { MemberCreateBody, MemberParams, MemberUpdateBody, Paged, UserParams } from '../mx-schemas.ts';
import { credentialViews, memberView } from '../mx-views.ts';

/** MX credentials by guid → the institution's credential fields by name. */
function credentialsFor(connector: InstitutionConnector, given: readonly { guid: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  given.forEach((c, i) => {
    const field = connector.credentialFields.find((f) => credentialGuid(connector.code, f.name) === c.guid);
    if (!field) throw new MxError(400, `member.credentials[${i}].guid "${c.guid}" is not a credential of ${connector.name} (GET /institutions/${connector.code}/credentials).`);
    out[field.name] = c.value;
  });
  return out;
}

/** Members are Latchkey's institution connections: `MBR-` + the connection ID. */
export function memberRoutes(app: App, lk: Latchkey): void {
  const d = lk.connectionDeps;

  app.post('/users/:user_guid/members', { schema: { params: UserParams, body: MemberCreateBody } }, async (req, reply) => {
    const caller = callerOf(req);
    const user = await userOf(lk, caller, req.params.user_guid);
    const connector = connectorOf(d, req.body.member.institution_code);
    const credentials = credentialsFor(connector, req.body.member.credentials);
    const r = await createConnection(d, caller.org, user, { institutionCode: connector.code, credentials }, metaOf(req));
    if (!r.created) throw new MxError(409, 'A member with these credentials already exists for this user.');
    return reply.status(202).send({ member: memberView(await snapshotOf(lk, r.connection, user)) });
  });

  app.get('/users/:user_guid/members', { schema: { params: UserParams, querystring: Paged } }, async (req) => {
    const caller = callerOf(req);
    const user = await userOf(lk, caller, req.params.user_guid);
    const { items, pagination } = paginate(await d.connections.connections.listByUser(caller.org.id, user.id), req.query);
    return { members: await Promise.all(items.map(async (c) => memberView(await snapshotOf(lk, c, user)))), pagination };
  });

  app.get('/users/:user_guid/members/:member_guid', { schema: { params: MemberParams } }, async (req) => {
    const { user, connection } = await memberOf(lk, callerOf(req), req.params);
    return { member: memberView(await snapshotOf(lk, connection, user)) };
  });

  // New credentials (after DENIED or PREVENTED) log in again; other fields are accepted and not kept.
  app.put('/users/:user_guid/members/:member_guid', { schema: { params: MemberParams, body: MemberUpdateBody } }, async (req) => {
    const { user, connection } = await memberOf(lk, callerOf(req), req.params);
    const given = req.body.member.credentials;
    if (!given) return { member: memberView(await snapshotOf(lk, connection, user)) };
    // MX updates the fields it is sent; the core takes the whole set.
    const credentials = { ...openCredentials(d, connection.credentialsEnc), ...credentialsFor(connectorOf(d, connection.institutionCode), given) };
    return { member: memberView(await snapshotOf(lk, await reauthenticate(d, connection, credentials), user)) };
  });

  app.delete('/users/:user_guid/members/:member_guid', { schema: { params: MemberParams } }, async (req, reply) => {
    const { connection } = await memberOf(lk, callerOf(req), req.params);
    await deleteConnection(d, connection);
    return reply.status(204).send();
  });

  app.get('/users/:user_guid/members/:member_guid/credentials', { schema: { params: MemberParams, querystring: Paged } }, async (req) => {
    const { connection } = await memberOf(lk, callerOf(req), req.params);
    const { items, pagination } = paginate(credentialViews(connectorOf(d, connection.institutionCode)), req.query);
    return { credentials: items, pagination };
  });
}
