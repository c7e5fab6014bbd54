import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import type { User } from '../../../core/model.ts';
import type { Connection } from '../../../core/connection/model.ts';
import { callerOf } from '../mx-auth.ts';
import { memberOf, userOf } from '../mx-context.ts';
import { notFound } from '../mx-errors.ts';
import { paginate } from '../mx-pagination.ts';
import { AccountParams, MemberParams, Paged, TaxDocumentParams, UserParams } from '../mx-schemas.ts';
import { accountView, taxDocumentView } from '../mx-views.ts';

/** What aggregation-type jobs fetched: accounts, and the tax documents of fetch_tax_documents. */
export function dataRoutes(app: App, lk: Latchkey): void {
  const d = lk.connectionDeps;
  const accountsOf = async (c: Connection, user: User) =>
    (await d.connections.accounts.listByConnection(c.id)).map((a) => accountView(a, { connectionId: c.id, institutionCode: c.institutionCode }, user));
  const userAccounts = async (orgId: string, user: User) =>
    (await Promise.all((await d.connections.connections.listByUser(orgId, user.id)).map((c) => accountsOf(c, user)))).flat();
  const taxDocumentsOf = async (c: Connection) =>
    (await d.connections.documents.listByConnection(c.id)).filter((x) => x.kind === 'tax_document').map((x) => taxDocumentView(x, c.userId));

  app.get('/users/:user_guid/members/:member_guid/accounts', { schema: { params: MemberParams, querystring: Paged } }, async (req) => {
    const { user, connection } = await memberOf(lk, callerOf(req), req.params);
    const { items, pagination } = paginate(await accountsOf(connection, user), req.query);
    return { accounts: items, pagination };
  });

  app.get('/users/:user_guid/accounts', { schema: { params: UserParams, querystring: Paged } }, async (req) => {
    const caller = callerOf(req);
    const user = await userOf(lk, caller, req.params.user_guid);
    const { items, pagination } = paginate(await userAccounts(caller.org.id, user), req.query);
    return { accounts: items, pagination };
  });

  app.get('/users/:user_guid/accounts/:account_guid', { schema: { params: AccountParams } }, async (req) => {
    const caller = callerOf(req);
    const user = await userOf(lk, caller, req.params.user_guid);
    const account = (await userAccounts(caller.org.id, user)).find((a) => a.guid === req.params.account_guid) ?? notFound();
    return { account };
  });

  app.get('/users/:user_guid/members/:member_guid/tax_documents', { schema: { params: MemberParams, querystring: Paged } }, async (req) => {
    const { connection } = await memberOf(lk, callerOf(req), req.params);
    const { items, pagination } = paginate(await taxDocumentsOf(connection), req.query);
    return { tax_documents: items, pagination };
  });

  app.get('/users/:user_guid/members/:member_guid/tax_documents/:tax_document_guid', { schema: { params: TaxDocumentParams } }, async (req) => {
    const { connection } = await memberOf(lk, callerOf(req), req.params);
    const doc = (await taxDocumentsOf(connection)).find((x) => x.guid === req.params.tax_document_guid) ?? notFound();
    return { tax_document: doc };
  });
}
