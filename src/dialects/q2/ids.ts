/**
 * Q2's IDs are Latchkey's with a vendor prefix in place of the native one, so they
 * map back without a table: an auth is a connection, a company an institution.
 */
const CONNECTION = 'con_';
const AUTH = 'auth_';
const COMPANY = 'cmp_';

/** Connection IDs always start with `con_` (the core's newId). */
export const authIdOf = (connectionId: string): string => AUTH + connectionId.slice(CONNECTION.length);

/** The connection ID behind an auth ID, or null when it is not one of ours. */
export const connectionIdOf = (authId: string): string | null =>
  (authId.startsWith(AUTH) && authId.length > AUTH.length ? CONNECTION + authId.slice(AUTH.length) : null);

export const companyIdOf = (institutionCode: string): string => COMPANY + institutionCode;

/** The institution code behind a company ID, or null when it is not one of ours. */
export const institutionCodeOf = (companyId: string): string | null =>
  (companyId.startsWith(COMPANY) && companyId.length > COMPANY.length ? companyId.slice(COMPANY.length) : null);
