import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';

export interface ServerKeys {
  encryptionKeys: string;
  macKey: Buffer;
}

/**
 * Keys for data at rest. Outside sandbox mode they must come from the environment;
 * in sandbox mode missing ones are generated once into `<dataDir>/secrets.json` (mode 0600).
 */
export function resolveServerKeys(config: Config, persist: boolean): ServerKeys {
  if (config.encryptionKeys && config.macKey) return { encryptionKeys: config.encryptionKeys, macKey: Buffer.from(config.macKey, 'base64') };
  if (!config.sandbox) throw new Error('LATCHKEY_ENCRYPTION_KEYS and LATCHKEY_MAC_KEY are required outside sandbox mode (see README, "Configuration").');
  const file = join(config.dataDir, 'secrets.json');
  let stored: { encryptionKeys: string; macKey: string } | null = null;
  if (persist && existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as typeof stored;
  if (!stored) {
    stored = { encryptionKeys: `k1:${randomBytes(32).toString('base64')}`, macKey: randomBytes(32).toString('base64') };
    if (persist) {
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
  }
  return {
    encryptionKeys: config.encryptionKeys ?? stored.encryptionKeys,
    macKey: Buffer.from(config.macKey ?? stored.macKey, 'base64'),
  };
}
