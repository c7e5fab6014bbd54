import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Latchkey } from '../registry.ts';
import { createDevKey, createOrganization, createUser } from '../core/account/accounts.ts';
import { newId } from '../core/ids.ts';
import type { CoreDeps } from '../core/deps.ts';
import type { Factor, User } from '../core/model.ts';
import { maskPhone } from '../factors/mask.ts';
import { ADMIN_TOKEN_SETTING } from '../http/auth.ts';
import { DIALECTS } from '../dialects/index.ts';

/** The contents of data/sandbox.json (documented in docs/sandbox.md). */
export interface SandboxCredentials {
  baseUrl: string;
  adminToken: string;
  organizationId: string;
  organizationName: string;
  devKey: string;
  partnerKey: string;
  user: { userId: string; username: string; password: string; phone: string; email: string };
}

const SEEDED_ORG_SETTING = 'sandbox.organization_id';

export const sandboxFile = (dataDir: string) => join(dataDir, 'sandbox.json');

/** Stores the digest of the admin token the server accepts. */
export async function installAdminToken(lk: Latchkey, token: string): Promise<void> {
  await lk.deps.store.settings.set(ADMIN_TOKEN_SETTING, lk.deps.secrets.digest(token));
}

/** A sandbox user's phone as an SMS factor that is active at once, with no code to confirm it (sandbox users only). */
export async function addActiveSmsFactor(deps: CoreDeps, user: User): Promise<Factor> {
  const now = deps.clock.now();
  const factor: Factor = {
    id: newId(deps.random, 'fac_', 24), userId: user.id, orgId: user.orgId, type: 'sms', status: 'active', label: maskPhone(user.phone!),
    destination: user.phone, secretEnc: null, lastUsedStep: null, createdAt: now, activatedAt: now,
  };
  await deps.store.factors.insert(factor);
  return factor;
}

/**
 * Seeds the sandbox once: an organization (any origin allowed), a developer key, a
 * partner key that owns the organization, a user with a registered phone (active SMS
 * factor) and email, and an admin token. Later starts reuse data/sandbox.json.
 */
export async function ensureSandbox(lk: Latchkey, baseUrl: string): Promise<SandboxCredentials> {
  const { deps, config } = lk;
  const file = sandboxFile(config.dataDir);
  const seededOrg = await deps.store.settings.get(SEEDED_ORG_SETTING);
  if (seededOrg && existsSync(file)) {
    const creds = JSON.parse(readFileSync(file, 'utf8')) as SandboxCredentials;
    if (creds.organizationId === seededOrg) {
      const adminToken = config.adminToken ?? creds.adminToken;
      await installAdminToken(lk, adminToken);
      return write(file, await withDialects(lk, moveBaseUrl({ ...creds, adminToken }, baseUrl)));
    }
  }
  const org = await createOrganization(deps, { name: 'Sandbox Co', allowedOrigins: ['*'] });
  const partner = await createDevKey(deps, org, { name: 'Sandbox partner key', partner: true });
  await deps.store.organizations.update(org.id, { partnerKeyId: partner.devKey.id });
  const dev = await createDevKey(deps, org, { name: 'Sandbox developer key' });
  const password = `sandbox-${deps.random.token(9)}`;
  const user = await createUser(deps, { ...org, partnerKeyId: partner.devKey.id }, {
    username: 'sandbox@latchkey.dev', password, phone: '+15555550100', email: 'sandbox@latchkey.dev',
  });
  await addActiveSmsFactor(deps, user);
  const adminToken = config.adminToken ?? `lk_admin_${deps.random.token(24)}`;
  await installAdminToken(lk, adminToken);
  await deps.store.settings.set(SEEDED_ORG_SETTING, org.id);
  return write(file, await withDialects(lk, {
    baseUrl, adminToken, organizationId: org.id, organizationName: org.name, devKey: dev.key, partnerKey: partner.key,
    user: { userId: user.id, username: user.username, password, phone: user.phone!, email: user.email! },
  }));
}

/** A restart may listen elsewhere: every URL in the file follows the new base URL. */
function moveBaseUrl(creds: SandboxCredentials, baseUrl: string): SandboxCredentials {
  const old = creds.baseUrl;
  const move = (v: unknown): unknown => {
    if (typeof v === 'string') return v.startsWith(old) ? baseUrl + v.slice(old.length) : v;
    if (Array.isArray(v)) return v.map(move);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, move(x)]));
    return v;
  };
  return move(creds) as SandboxCredentials;
}

/** Adds, under each dialect's own key, what that dialect's clients need (once: keys are shown only when made). */
async function withDialects(lk: Latchkey, creds: SandboxCredentials): Promise<SandboxCredentials> {
  const out: SandboxCredentials & Record<string, unknown> = { ...creds };
  for (const d of DIALECTS) {
    if (d.sandboxKey && d.sandboxCredentials && out[d.sandboxKey] === undefined) out[d.sandboxKey] = await d.sandboxCredentials(lk, creds);
  }
  return out;
}

function write(file: string, creds: SandboxCredentials): SandboxCredentials {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  return creds;
}
