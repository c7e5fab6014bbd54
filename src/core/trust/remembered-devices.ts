import type { Organization, RememberedDevice, User } from '../model.ts';
import type { CoreDeps, RequestMeta } from '../deps.ts';
import { fail, LatchkeyError } from '../errors.ts';
import { audit } from '../audit.ts';
import { newId } from '../ids.ts';
import { DAY_MS } from '../limits.ts';

/** "Remember this device": a rememberMeId bound to one user and one device name. */
export async function rememberDevice(
  deps: CoreDeps, user: User, org: Organization, deviceName: string, meta: RequestMeta | null,
): Promise<{ rememberMeId: string; device: RememberedDevice }> {
  const now = deps.clock.now();
  const rememberMeId = deps.random.token(32);
  const device: RememberedDevice = {
    id: newId(deps.random, 'dev_', 24),
    tokenHash: deps.secrets.digest(rememberMeId),
    userId: user.id,
    orgId: user.orgId,
    deviceName,
    createdAt: now,
    expiresAt: now + org.rememberDeviceDays * DAY_MS,
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.devices.insert(device);
  await audit(deps, 'device.remembered', { orgId: user.orgId, userId: user.id }, meta, { deviceId: device.id, deviceName });
  return { rememberMeId, device };
}

/** The one rule for a remembered device: this user's, this device's (compared in constant time), not revoked, not expired. */
function deviceValid(deps: CoreDeps, device: RememberedDevice | null, user: User, deviceName: string | undefined): device is RememberedDevice {
  return device !== null && device.userId === user.id && device.revokedAt === null && device.expiresAt > deps.clock.now()
    && deviceName !== undefined && deps.secrets.equal(device.deviceName, deviceName);
}

const findDevice = (deps: CoreDeps, rememberMeId: string) => deps.store.devices.findByTokenHash(deps.secrets.digest(rememberMeId));

/** Checks a rememberMeId presented at sign-in; refuses another user, another device, revoked or expired. */
export async function redeemDevice(
  deps: CoreDeps, user: User, rememberMeId: string, deviceName: string | undefined, meta: RequestMeta | null,
): Promise<RememberedDevice> {
  const device = await findDevice(deps, rememberMeId);
  if (!deviceValid(deps, device, user, deviceName)) {
    await audit(deps, 'device.refused', { orgId: user.orgId, userId: user.id }, meta, { deviceName: deviceName ?? null });
    fail('LK_ERR_REMEMBERED_DEVICE_INVALID', { field: 'rememberMeId' });
  }
  await deps.store.devices.markUsed(device.id, deps.clock.now());
  return device;
}

/** Whether a remembered device is still trusted, without using it (BILL's MFAStatus): the same rule as at sign-in. */
export async function isDeviceTrusted(deps: CoreDeps, user: User, rememberMeId: string, deviceName: string | undefined): Promise<boolean> {
  return deviceValid(deps, await findDevice(deps, rememberMeId), user, deviceName);
}

export async function listDevices(deps: CoreDeps, userId: string): Promise<RememberedDevice[]> {
  const now = deps.clock.now();
  return (await deps.store.devices.listByUser(userId)).filter((d) => d.revokedAt === null && d.expiresAt > now);
}

export async function revokeDevice(deps: CoreDeps, user: User, deviceId: string, meta: RequestMeta | null): Promise<void> {
  const device = await deps.store.devices.get(deviceId);
  if (!device || device.userId !== user.id || device.revokedAt !== null) fail('LK_ERR_NOT_FOUND', { field: 'deviceId' });
  await deps.store.devices.revoke(device.id, deps.clock.now());
  await audit(deps, 'device.revoked', { orgId: user.orgId, userId: user.id }, meta, { deviceId });
}

export interface DeviceView {
  deviceId: string;
  deviceName: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
}

export const viewDevice = (d: RememberedDevice): DeviceView => ({
  deviceId: d.id, deviceName: d.deviceName, createdAt: d.createdAt, expiresAt: d.expiresAt, lastUsedAt: d.lastUsedAt,
});

/**
 * Step-up with a remembered device (BILL's POST /v3/mfa/step-up): a valid rememberMeId
 * for this user and device makes the current session MFA-trusted; anything else
 * leaves it as it was and answers false.
 */
export async function stepUpWithDevice(
  deps: CoreDeps, ctx: { session: { id: string; kind: string; trustedAt: number | null }; user: User }, rememberMeId: string, deviceName: string | undefined, meta: RequestMeta | null,
): Promise<boolean> {
  if (ctx.session.kind !== 'user') return false;
  try {
    await redeemDevice(deps, ctx.user, rememberMeId, deviceName, meta);
  } catch (err) {
    if (err instanceof LatchkeyError) return false;
    throw err;
  }
  const now = deps.clock.now();
  await deps.store.sessions.trust(ctx.session.id, now, 'remembered_device');
  ctx.session.trustedAt = now;
  return true;
}
