import { Type } from 'typebox';
import type { App } from '../types.ts';
import type { Latchkey } from '../../registry.ts';
import type { InstitutionConnector } from '../../ports/institution.ts';
import { fail } from '../../core/errors.ts';
import { requireDevKey } from '../auth.ts';
import { errors, Limit, limitOf, security } from '../schemas.ts';

const Institution = Type.Object({
  code: Type.String(), name: Type.String(), url: Type.String(),
  logo: Type.Union([Type.Object({ url: Type.String() }), Type.Null()], { description: 'As seed 004\'s company object' }),
});
const CredentialField = Type.Object({ name: Type.String(), label: Type.String(), type: Type.Union([Type.Literal('text'), Type.Literal('password')]) });

const viewInstitution = (c: InstitutionConnector) => ({ code: c.code, name: c.name, url: c.url, logo: c.logoUrl ? { url: c.logoUrl } : null });

export function institutionRoutes(app: App, lk: Latchkey): void {
  const all = () => [...lk.connectionDeps.institutions.values()];
  app.get('/v1/institutions', {
    schema: {
      tags: ['Institutions'], summary: 'List or search institutions', security: security.devKey,
      querystring: Type.Object({ search: Type.Optional(Type.String({ maxLength: 100 })), limit: Limit }, { additionalProperties: false }),
      response: { 200: Type.Object({ institutions: Type.Array(Institution) }), ...errors(400, 401) },
    },
  }, async (req) => {
    await requireDevKey(lk, req);
    const q = req.query.search?.trim().toLowerCase() ?? '';
    const found = all().filter((c) => !q || c.name.toLowerCase().includes(q) || c.code.includes(q)).slice(0, limitOf(req.query.limit));
    return { institutions: found.map(viewInstitution) };
  });

  app.get('/v1/institutions/:institutionCode', {
    schema: {
      tags: ['Institutions'], summary: 'An institution and the credentials it asks for', security: security.devKey,
      params: Type.Object({ institutionCode: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 200: Type.Intersect([Institution, Type.Object({ credentialFields: Type.Array(CredentialField) })]), ...errors(401, 404) },
    },
  }, async (req) => {
    await requireDevKey(lk, req);
    const c = lk.connectionDeps.institutions.get(req.params.institutionCode) ?? fail('LK_ERR_NOT_FOUND', { field: 'institutionCode' });
    return { ...viewInstitution(c), credentialFields: [...c.credentialFields] };
  });
}
