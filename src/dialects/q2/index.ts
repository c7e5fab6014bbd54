import type { Dialect } from '../dialect.ts';
import { createDevKey } from '../../core/account/accounts.ts';
import { installQ2Envelope } from './errors.ts';
import { companyIdOf } from './ids.ts';
import { q2Routes } from './routes.ts';

const PREFIX = '/q2/v1';
/** The connector that plays Q2's sandbox biller ("MFA Company 1"). */
const SANDBOX_COMPANY = 'q2_sandbox';

/** Q2 Biller Direct (formerly Unbill): the Auth object API. docs/dialects/q2.md. */
export const q2Dialect: Dialect = {
  name: 'q2',
  prefix: PREFIX,
  async register(app, lk) {
    installQ2Envelope(app);
    q2Routes(app, lk, PREFIX);
  },
  sandboxKey: 'q2',
  async sandboxCredentials(lk, sandbox) {
    const org = await lk.deps.store.organizations.get(sandbox.organizationId);
    if (!org) throw new Error('the sandbox organization is missing');
    const { key } = await createDevKey(lk.deps, org, { name: 'Q2 apiKey' });
    return { baseUrl: `${sandbox.baseUrl}${PREFIX}`, apiKey: key, clientId: sandbox.user.userId, companyId: companyIdOf(SANDBOX_COMPANY) };
  },
};
