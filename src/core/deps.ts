import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher, Random, Secrets } from '../ports/crypto.ts';
import type { Delivery } from '../ports/channel.ts';
import type { Store } from '../ports/store.ts';
import type { Limits } from './limits.ts';
import type { FactorRegistry } from './factor/factor-definition.ts';

/** Everything the domain core needs from the outside world, passed in by the composition root. */
export interface CoreDeps {
  store: Store;
  clock: Clock;
  random: Random;
  secrets: Secrets;
  hasher: PasswordHasher;
  delivery: Delivery;
  limits: Limits;
  factors: FactorRegistry;
}

/** Who is asking: the client's address, for rate limits and the audit log. */
export interface RequestMeta {
  ip: string | null;
}
