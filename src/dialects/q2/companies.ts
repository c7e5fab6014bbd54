import type { InstitutionConnector } from '../../ports/institution.ts';
import { companyIdOf } from './ids.ts';

/** Seed 004's Company object. */
export interface Company {
  _id: string;
  name: string;
  logo: { url: string; background: boolean };
}

/** Where the dialect serves a logo for an institution that has none of its own. */
export const logoPath = (companyId: string) => `/companies/${companyId}/logo.svg`;

/**
 * `baseUrl` is the dialect's own (scheme, host and prefix of the request), so the
 * logo URL works wherever the server runs. `background: false`: the logo needs no
 * backdrop of the app's (Q2 leaves the flag undocumented).
 */
export function companyOf(institution: { code: string; name: string; logoUrl: string | null }, baseUrl: string): Company {
  const _id = companyIdOf(institution.code);
  return { _id, name: institution.name, logo: { url: institution.logoUrl ?? baseUrl + logoPath(_id), background: false } };
}

/** The company of a connection whose connector may have been uninstalled since. */
export function companyOfCode(connector: InstitutionConnector | undefined, code: string, baseUrl: string): Company {
  return companyOf(connector ?? { code, name: code, logoUrl: null }, baseUrl);
}

/** A monogram (the name's first two initials), so every company has a logo to show. */
export function monogramSvg(name: string): string {
  const initials = name.split(/\s+/).map((w) => w.replace(/[^A-Za-z0-9]/g, '')[0] ?? '').join('').slice(0, 2).toUpperCase() || '?';
  return '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">'
    + '<circle cx="64" cy="64" r="64" fill="#1f4e79"/>'
    + `<text x="64" y="80" font-family="Helvetica, Arial, sans-serif" font-size="48" font-weight="bold" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
}
