import type { Dialect } from '../dialect.ts';
import type { App } from '../../http/types.ts';
import type { Latchkey } from '../../registry.ts';
import type { SandboxCredentials } from '../../sandbox/seed.ts';
import { refreshTokenOf } from './auth.ts';
import { notFound, v31ErrorBody } from './errors.ts';
import { v31Routes } from './v31.ts';
import { v2Routes } from './v2.ts';

const PREFIX = '/synapse';

/** Any fingerprint is accepted (docs/dialects/synapse.md): this one is only a value to copy. */
const SANDBOX_FINGERPRINT = 'latchkey_sandbox_fingerprint';

async function register(app: App, lk: Latchkey): Promise<void> {
  // Each version is its own plugin with its own error shape; other paths get v3.1's.
  app.setNotFoundHandler((req, reply) => reply.status(404).send(v31ErrorBody(notFound(req))));
  await app.register(async (v31) => v31Routes(v31 as App, lk), { prefix: '/v3.1' });
  await app.register(async (v2) => v2Routes(v2 as App, lk), { prefix: '/api/v2' });
}

/** What Synapse clients need from data/sandbox.json: the gateway, a ready user and the sandbox bank. */
async function sandboxCredentials(lk: Latchkey, s: SandboxCredentials): Promise<Record<string, unknown>> {
  return {
    client_id: s.organizationId,
    client_secret: s.partnerKey,
    fingerprint: SANDBOX_FINGERPRINT,
    user_id: s.user.userId,
    refresh_token: refreshTokenOf(lk, s.organizationId, s.user.userId),
    base_url_v3_1: `${s.baseUrl}${PREFIX}/v3.1`,
    base_url_v2: `${s.baseUrl}${PREFIX}/api/v2`,
    bank: {
      bank_name: 'fake', bank_pw: 'test1234', mfa_answer: 'test_answer',
      bank_id_no_mfa: 'synapse_nomfa', bank_id_question: 'synapse_good', bank_id_device: 'synapse_code',
    },
  };
}

/** Synapse bank logins: v3.1 at /synapse/v3.1 (primary) and the legacy v2 at /synapse/api/v2. */
export const synapse: Dialect = {
  name: 'synapse',
  prefix: PREFIX,
  register,
  sandboxKey: 'synapse',
  sandboxCredentials,
};
