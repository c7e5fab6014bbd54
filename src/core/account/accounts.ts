import type { DevKey, Organization, User } from '../model.ts';
import type { CoreDeps } from '../deps.ts';
import { fail } from '../errors.ts';
import { newId, orgId, userId } from '../ids.ts';
import { audit } from '../audit.ts';
import { assertValidNewUser } from './user-rules.ts';
import type { RequestMeta } from '../deps.ts';

export interface NewOrganization {
  name: string;
  mfaRequired?: boolean | undefined;
  allowEmailFactor?: boolean | undefined;
  sessionIdleMinutes?: number | undefined;
  rememberDeviceDays?: number | undefined;
  allowedOrigins?: string[] | undefined;
}

export async function createOrganization(deps: CoreDeps, input: NewOrganization, partnerKeyId: string | null = null): Promise<Organization> {
  const org: Organization = {
    id: orgId(deps.random),
    name: input.name,
    mfaRequired: input.mfaRequired ?? true,
    allowEmailFactor: input.allowEmailFactor ?? true,
    sessionIdleMinutes: input.sessionIdleMinutes ?? deps.limits.sessionIdleMinutes,
    rememberDeviceDays: input.rememberDeviceDays ?? deps.limits.rememberDeviceDays,
    allowedOrigins: input.allowedOrigins ?? [],
    partnerKeyId,
    createdAt: deps.clock.now(),
  };
  await deps.store.organizations.insert(org);
  return org;
}

export type OrganizationPatch = Partial<Omit<NewOrganization, 'name'>> & { name?: string | undefined };

export async function updateOrganization(deps: CoreDeps, id: string, patch: OrganizationPatch): Promise<Organization> {
  const org = await deps.store.organizations.get(id);
  if (!org) fail('LK_ERR_NOT_FOUND', { field: 'organizationId' });
  const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Organization>;
  await deps.store.organizations.update(id, clean);
  return { ...org, ...clean };
}

export interface NewUser {
  username: string;
  password: string;
  email?: string | undefined;
  phone?: string | undefined;
}

export async function createUser(deps: CoreDeps, org: Organization, input: NewUser): Promise<User> {
  assertValidNewUser(input);
  if (await deps.store.users.findByUsername(org.id, input.username)) {
    fail('LK_ERR_CONFLICT', { field: 'username', detail: 'A user with this username already exists in the organization.' });
  }
  const user: User = {
    id: userId(deps.random),
    orgId: org.id,
    username: input.username,
    passwordHash: await deps.hasher.hash(input.password),
    email: input.email ?? null,
    phone: input.phone ?? null,
    failedAttempts: 0,
    lockedUntil: null,
    createdAt: deps.clock.now(),
  };
  await deps.store.users.insert(user);
  return user;
}

/** Creates a developer key and returns its secret value, which is shown once and stored only as a digest. */
export async function createDevKey(deps: CoreDeps, org: Organization, input: { name: string; partner?: boolean | undefined }): Promise<{ key: string; devKey: DevKey }> {
  const key = `lk_${input.partner ? 'partner' : 'dev'}_${deps.random.token(24)}`;
  const devKey: DevKey = {
    id: newId(deps.random, 'key_', 24),
    keyHash: deps.secrets.digest(key),
    orgId: org.id,
    name: input.name,
    partner: input.partner ?? false,
    createdAt: deps.clock.now(),
    revokedAt: null,
  };
  await deps.store.devKeys.insert(devKey);
  return { key, devKey };
}

/**
 * Revokes a developer key: every request carrying it is refused from then on, and so
 * are the sessions opened with it (each request presents the key). Revoking twice is
 * the same as once.
 */
export async function revokeDevKey(deps: CoreDeps, id: string, meta: RequestMeta | null): Promise<DevKey> {
  const key = await deps.store.devKeys.get(id);
  if (!key) fail('LK_ERR_NOT_FOUND', { field: 'keyId' });
  if (key.revokedAt !== null) return key;
  const at = deps.clock.now();
  await deps.store.devKeys.revoke(id, at);
  await audit(deps, 'dev_key.revoked', { orgId: key.orgId }, meta, { keyId: id, name: key.name, partner: key.partner });
  return { ...key, revokedAt: at };
}

/** An organization the caller may see: missing and someone else's look the same. */
export async function getOrganizationFor(deps: CoreDeps, id: string, canSee: (org: Organization) => boolean): Promise<Organization> {
  const org = await deps.store.organizations.get(id);
  if (!org || !canSee(org)) fail('LK_ERR_NOT_FOUND', { field: 'organizationId' });
  return org;
}
