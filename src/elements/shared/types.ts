import type { paths } from '@latchkey/client';

/** The JSON body of answer `S` to `M P`, from the SDK's generated types: `Json<'/v1/session', 'get', 200>`. */
export type Json<P extends keyof paths, M extends keyof paths[P], S extends number> =
  paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer T } } } } ? T : never;
