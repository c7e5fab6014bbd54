import type { FactorDefinition, FactorRegistry } from '../core/factor/factor-definition.ts';
import { smsFactor } from './sms/sms-factor.ts';
import { emailFactor } from './email/email-factor.ts';
import { totpFactor } from './totp/totp-factor.ts';
import { backupCodesFactor } from './backup-codes/backup-codes-factor.ts';

/** Every installed factor: a new factor is one folder plus one line here. */
const FACTORS: FactorDefinition[] = [
  smsFactor,
  emailFactor,
  totpFactor,
  backupCodesFactor,
];

export const factorRegistry: FactorRegistry = new Map(FACTORS.map((f) => [f.type, f]));
