import { createHarness, type Harness } from './harness.ts';
import { createTenant, type Tenant } from './fixtures.ts';

/** A real server on a socket of 127.0.0.1 (for clients that use fetch, like the SDK) and one tenant. */
export interface Listening {
  h: Harness;
  t: Tenant;
  baseUrl: string;
}

export async function startListening(): Promise<Listening> {
  const h = await createHarness('sqlite');
  try {
    const t = await createTenant(h);
    const baseUrl = await h.app.listen({ host: '127.0.0.1', port: 0 });
    return { h, t, baseUrl };
  } catch (err) {
    await h.close();
    throw err;
  }
}
