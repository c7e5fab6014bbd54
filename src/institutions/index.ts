import type { InstitutionConnector } from '../ports/institution.ts';
import { sandboxInstitution } from './sandbox/sandbox-institution.ts';
import { mxBankInstitution } from './mx-bank/mx-bank-institution.ts';
import { synapseFakeInstitution } from './synapse-fake/synapse-fake-institution.ts';
import { q2SandboxInstitution } from './q2-sandbox/q2-sandbox-institution.ts';

/** Every installed connector: a new institution is one folder plus one line here. */
const CONNECTORS: InstitutionConnector[] = [
  sandboxInstitution,
  mxBankInstitution,
  synapseFakeInstitution,
  q2SandboxInstitution,
];

function byCode(connectors: readonly InstitutionConnector[]): ReadonlyMap<string, InstitutionConnector> {
  const registry = new Map<string, InstitutionConnector>();
  for (const c of connectors) {
    if (registry.has(c.code)) throw new Error(`two institution connectors use the code ${c.code}`);
    registry.set(c.code, c);
  }
  return registry;
}

export const institutionRegistry: ReadonlyMap<string, InstitutionConnector> = byCode(CONNECTORS);
