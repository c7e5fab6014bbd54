import type { FactorDefinition } from '../../core/factor/factor-definition.ts';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Ten characters from a 31-symbol alphabet: about 50 bits each, shown as `abcde-fghjk`. */
const CODE_LENGTH = 10;

function newCode(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Codes are compared without case, spaces or dashes, as people type them. */
export function normalizeBackupCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/** One-time backup codes (the seeds' `useBackup`): shown once, stored as keyed digests, each usable once. */
export const backupCodesFactor: FactorDefinition = {
  type: 'backup_codes',
  delivers: false,
  async enroll(_input, { deps, user }) {
    const codes = Array.from({ length: deps.limits.backupCodeCount }, () => newCode(deps.random.bytes(CODE_LENGTH)));
    const hashes = codes.map((c) => deps.secrets.mac(user.id, normalizeBackupCode(c)));
    return {
      label: 'Backup codes', destination: null, secret: null, activeAtOnce: true,
      reveal: { backupCodes: codes },
      afterInsert: (factor) => deps.store.backupCodes.replaceAll(factor.id, user.id, hashes),
    };
  },
  issue: async () => ({ codeHash: null }),
  async check(_factor, _challenge, code, { deps, user }) {
    const normalized = normalizeBackupCode(code);
    if (normalized.length !== CODE_LENGTH) return false;
    return deps.store.backupCodes.consume(user.id, deps.secrets.mac(user.id, normalized), deps.clock.now());
  },
  mask: () => null,
};
