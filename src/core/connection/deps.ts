import type { CoreDeps } from '../deps.ts';
import type { ConnectionStore } from '../../ports/connection-store.ts';
import type { InstitutionConnector } from '../../ports/institution.ts';
import type { ConnectionEvent } from './model.ts';

export type InstitutionRegistry = ReadonlyMap<string, InstitutionConnector>;

/** The core's ports for the institution side, on top of the sign-in side's. */
export interface ConnectionDeps extends CoreDeps {
  connections: ConnectionStore;
  institutions: InstitutionRegistry;
  /** Told of each event once its transaction has committed (live streams, waking workers). */
  publish(event: ConnectionEvent): void;
}
