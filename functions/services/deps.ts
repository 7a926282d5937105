// What every API app needs, given by the adapter (local server or Lambda handler): store, config, clock.
import type { Store } from '../store/types.ts';
import type { ApiConfig, Clock } from './config.ts';
import type { PushTransport } from './push.ts';

export interface Deps {
  store: Store;
  config: ApiConfig;
  clock: Clock;
  /** Random bytes as hex (nonces, secrets). Injected for deterministic tests. */
  randomHex: (bytes: number) => string;
  /**
   * How proctor signals reach open exam pages (services/push.ts): the API Gateway WebSocket on AWS, the local
   * server's WebSocket locally. Absent where nothing publishes (candidate, public, auditor functions; tests).
   */
  push?: PushTransport;
}
