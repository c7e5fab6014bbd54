/**
 * MX guids are Latchkey IDs behind MX's prefixes (`MBR-` + the connection ID, and so
 * on): reversible, so the dialect keeps no table of its own.
 */
export const GUID_PREFIXES = {
  user: 'USR-',
  member: 'MBR-',
  challenge: 'CRD-',
  credential: 'CRD-',
  institution: 'INS-',
  account: 'ACT-',
  taxDocument: 'TAX-',
  job: 'JOB-',
} as const;

export type GuidKind = keyof typeof GUID_PREFIXES;

export const guidOf = (kind: GuidKind, id: string): string => `${GUID_PREFIXES[kind]}${id}`;

/** The native ID behind a guid, or null when the guid does not have the kind's prefix. */
export function idOf(kind: GuidKind, guid: string): string | null {
  const prefix = GUID_PREFIXES[kind];
  return guid.startsWith(prefix) && guid.length > prefix.length ? guid.slice(prefix.length) : null;
}

/** A credential field's guid names its institution too, so guids stay unique across institutions. */
export const credentialGuid = (institutionCode: string, fieldName: string): string => guidOf('credential', `${institutionCode}-${fieldName}`);
