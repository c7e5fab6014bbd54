import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../types.ts';
import { elementsBundle } from '../elements-bundle.ts';
import { fail } from '../../core/errors.ts';

/** The moving v1 URL is cached for an hour (fixes reach pages within it); ETag revalidation is a 304. */
const V1_CACHE = 'public, max-age=3600, stale-while-revalidate=86400';
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/**
 * The Elements bootloader, a public script any page may load (docs/elements.md):
 * `/elements/v1/bootloader.js`, and the same build at a content-addressed,
 * immutable URL `/elements/<hash>/bootloader.js` (announced in `x-latchkey-elements-build`).
 */
export function elementsRoutes(app: App): void {
  const send = async (req: FastifyRequest, reply: FastifyReply, cacheControl: string, hash?: string) => {
    const bundle = await elementsBundle();
    if (hash !== undefined && hash !== bundle.hash) fail('LK_ERR_NOT_FOUND', { field: 'path', detail: `No Elements build ${hash}; this server serves ${bundle.hash}.` });
    const etag = `"${bundle.hash}"`;
    reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', cacheControl).header('etag', etag).header('x-latchkey-elements-build', bundle.hash)
      .header('x-content-type-options', 'nosniff');
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('text/javascript; charset=utf-8').send(bundle.code);
  };
  app.get('/elements/v1/bootloader.js', { schema: { hide: true } }, (req, reply) => send(req, reply, V1_CACHE));
  app.get('/elements/:build/bootloader.js', {
    // Any other build name, well-formed or not, is a build this server does not serve: 404, not 400.
    schema: { hide: true, params: Type.Object({ build: Type.String() }) },
  }, (req, reply) => send(req, reply, IMMUTABLE_CACHE, req.params.build));
}
