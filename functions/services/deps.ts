// What every API app needs, given by the adapter (local server or Lambda handler): store, config, clock.
import type { Store } from '../store/types.ts';
import type { ApiConfig, Clock } from './config.ts';

export interface Deps {
  store: Store;
  config: ApiConfig;
  clock: Clock;
  /** Random bytes as hex (nonces, secrets). Injected for deterministic tests. */
  randomHex: (bytes: number) => string;
}
