import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import type { InstitutionConnector } from '../../../ports/institution.ts';
import { notFound } from '../mx-errors.ts';
import { paginate } from '../mx-pagination.ts';
import { InstitutionParams, InstitutionQuery, Paged } from '../mx-schemas.ts';
import { credentialViews, institutionView } from '../mx-views.ts';

/** The installed institution connectors, MX Bank (`mxbank`) among them. */
export function institutionRoutes(app: App, lk: Latchkey): void {
  const byCode = (code: string): InstitutionConnector => lk.connectionDeps.institutions.get(code) ?? notFound();

  app.get('/institutions', { schema: { querystring: InstitutionQuery } }, async (req) => {
    const q = req.query.name?.trim().toLowerCase() ?? '';
    const found = [...lk.connectionDeps.institutions.values()].filter((c) => !q || c.name.toLowerCase().includes(q) || c.code.includes(q));
    const { items, pagination } = paginate(found, req.query);
    return { institutions: items.map(institutionView), pagination };
  });

  app.get('/institutions/:institution_code', { schema: { params: InstitutionParams } }, async (req) => ({
    institution: institutionView(byCode(req.params.institution_code)),
  }));

  app.get('/institutions/:institution_code/credentials', { schema: { params: InstitutionParams, querystring: Paged } }, async (req) => {
    const { items, pagination } = paginate(credentialViews(byCode(req.params.institution_code)), req.query);
    return { credentials: items, pagination };
  });
}
