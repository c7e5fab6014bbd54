import type { AccountData, DocumentData } from '../../ports/institution.ts';
import { scriptedInstitution, type ScriptedInstitution, type ScriptedInstitutionOptions } from '../scripted/scripted-institution.ts';
import { SANDBOX_FALLBACKS, SANDBOX_NAME, SANDBOX_SCRIPTS, SANDBOX_URL, questionsScript } from './sandbox-scripts.ts';

/** A constant, not the wall clock: connectors are pure given their inputs. */
export const SANDBOX_TAX_YEAR = 2025;

const ACCOUNTS: readonly AccountData[] = [
  { externalId: 'sbx-chk-0001', name: 'Everyday Checking', type: 'checking', mask: '0001', balance: 2450.12, currency: 'USD' },
  { externalId: 'sbx-sav-0002', name: 'High-Yield Savings', type: 'savings', mask: '0002', balance: 10200, currency: 'USD' },
  // Credit card balance is the amount owed.
  { externalId: 'sbx-cc-0003', name: 'Rewards Visa', type: 'credit_card', mask: '0003', balance: 512.34, currency: 'USD' },
];

const DOCUMENTS: readonly DocumentData[] = [
  { externalId: `sbx-1099int-${SANDBOX_TAX_YEAR}`, kind: 'tax_document', name: `Form 1099-INT ${SANDBOX_TAX_YEAR}`, year: SANDBOX_TAX_YEAR },
];

/** The Latchkey sandbox bank: every MFA path, selected by the password, no network. */
export function createSandboxInstitution(options: ScriptedInstitutionOptions = {}): ScriptedInstitution {
  return scriptedInstitution({
    code: 'latchkey_sandbox',
    name: SANDBOX_NAME,
    url: SANDBOX_URL,
    credentialFields: [
      { name: 'username', label: 'Username', type: 'text' },
      { name: 'password', label: 'Password', type: 'password' },
    ],
    scripts: SANDBOX_SCRIPTS,
    patternScript: questionsScript,
    fallbacks: SANDBOX_FALLBACKS,
    select({ username, password }) {
      if (!username?.trim() || !password) return 'unknown_password';
      const known = Object.hasOwn(SANDBOX_SCRIPTS, password) || questionsScript(password) !== undefined;
      return known ? password : 'unknown_password';
    },
    accounts: ACCOUNTS,
    documents: DOCUMENTS,
  }, options);
}

export const sandboxInstitution = createSandboxInstitution();
