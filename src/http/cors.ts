import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './types.ts';
import type { Latchkey } from '../registry.ts';
import { LatchkeyError } from '../core/errors.ts';
import { DEV_KEY_HEADER, rememberDevKey } from './auth.ts';
import { findDevKey } from '../core/session/sessions.ts';

/**
 * Cross-origin calls to the native API, for the Elements and partners' pages
 * (docs/security.md, "Browsers and CORS").
 *
 * - A preflight carries no header values, so the organization is unknown then:
 *   every preflight under /v1 (but /v1/admin) is allowed, for the headers below.
 * - The real request carries the developer key: the key's organization must
 *   list the page's origin in `allowedOrigins` (or `*`). Otherwise the request
 *   is refused before its handler runs, with a 403 the page can read.
 * - A missing or unknown developer key is left to the route (401), readable
 *   too, so an Element can tell its page what is wrong.
 * - Same-origin requests, requests without `Origin` (servers), the admin API
 *   and the vendor dialects are not touched.
 */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', DEV_KEY_HEADER, 'idempotency-key', 'x-answer-token', 'last-event-id'];
export const CORS_EXPOSED_HEADERS = ['retry-after', 'location'];
export const CORS_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** How long a browser may reuse a preflight answer (Chromium caps it at 2 hours). */
export const CORS_MAX_AGE_SECONDS = 600;

const browserPath = (path: string) => path.startsWith('/v1/') && !path.startsWith('/v1/admin');
/** Whether a request is for the browser API, by the path the router matched (it decodes: `/v1/%61dmin` is the admin API). */
function browserApi(req: FastifyRequest): boolean {
  if (req.routeOptions.url !== undefined && req.method !== 'OPTIONS') return browserPath(req.routeOptions.url);
  try {
    return browserPath(decodeURIComponent(req.url.split('?')[0]!));
  } catch {
    return false;
  }
}
const sameOrigin = (req: FastifyRequest, origin: string) => origin === `${req.protocol}://${req.host}`;

/**
 * How long this process trusts an organization's `allowedOrigins` without reading
 * them again, so a page's calls cost no organization read each: a change to
 * `allowedOrigins` takes effect within this time, as a developer key's revocation
 * does (DEV_KEY_CACHE_MS, for the key this check also reads).
 */
export const ALLOWED_ORIGINS_CACHE_MS = 5_000;
const ALLOWED_ORIGINS_CACHE_MAX = 10_000;

type OriginCheck = (req: FastifyRequest, origin: string) => Promise<boolean | undefined>;

/**
 * Whether the developer key's organization allows `origin`; undefined when the key is missing or unknown.
 * The key found is kept on the request, so the route does not look it up again.
 */
function originCheck(lk: Latchkey): OriginCheck {
  const { store, clock } = lk.deps;
  const byOrg = new Map<string, { origins: readonly string[]; until: number }>();
  async function allowedOrigins(orgId: string): Promise<readonly string[]> {
    const now = clock.now();
    const hit = byOrg.get(orgId);
    if (hit && hit.until > now) return hit.origins;
    const org = await store.organizations.get(orgId);
    if (!org) return [];
    if (byOrg.size >= ALLOWED_ORIGINS_CACHE_MAX) byOrg.clear();
    byOrg.set(orgId, { origins: org.allowedOrigins, until: now + ALLOWED_ORIGINS_CACHE_MS });
    return org.allowedOrigins;
  }
  return async (req, origin) => {
    const rawKey = req.headers[DEV_KEY_HEADER];
    const key = await findDevKey(lk.deps, typeof rawKey === 'string' ? rawKey : undefined);
    if (!key) return undefined;
    rememberDevKey(req, key);
    const origins = await allowedOrigins(key.orgId);
    return origins.includes('*') || origins.includes(origin);
  };
}

function allowOrigin(reply: FastifyReply, origin: string): void {
  reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
}

export function corsRoutes(app: App, lk: Latchkey): void {
  const originAllowed = originCheck(lk);
  app.options('/v1/*', { schema: { hide: true } }, async (req, reply) => {
    const origin = req.headers.origin;
    if (!origin || !browserApi(req) || !req.headers['access-control-request-method']) {
      throw new LatchkeyError('LK_ERR_ROUTE_NOT_FOUND', { detail: `No endpoint OPTIONS ${req.url.split('?')[0]}.` });
    }
    allowOrigin(reply, origin);
    return reply.status(204)
      .header('access-control-allow-methods', CORS_METHODS.join(', '))
      .header('access-control-allow-headers', CORS_ALLOWED_HEADERS.join(', '))
      .header('access-control-max-age', String(CORS_MAX_AGE_SECONDS))
      .send();
  });

  // Requests without Origin (every server-to-server call) cost one property read here.
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (origin === undefined || req.method === 'OPTIONS' || !browserApi(req) || sameOrigin(req, origin)) return;
    allowOrigin(reply, origin);
    reply.header('access-control-expose-headers', CORS_EXPOSED_HEADERS.join(', '));
    if ((await originAllowed(req, origin)) === false) {
      throw new LatchkeyError('LK_ERR_ORIGIN_NOT_ALLOWED', { field: 'origin', detail: `The organization does not allow calls from ${origin}. Add it to allowedOrigins.` });
    }
  });
}
