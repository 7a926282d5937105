// Lambda entry of the WebSocket API behind /ws: $connect authorizer and route (push-events.ts), instrumented.
import { createSignalPush } from '../services/push.ts';
import { instrumented } from './observability.ts';
import { pushEvents } from './push-events.ts';
import { depsFromEnv } from './runtime.ts';

// Verifies candidate tokens (JWT key), hashes no PIN.
const deps = await depsFromEnv(process.env, { jwt: true, pepper: false });
export const handler = instrumented(pushEvents(createSignalPush(deps), deps.config.originVerify));
