// An in-process admin API for the console benchmarks: dynalite on its worker thread (the `npm start` store
// layout), the Hono app over it and a signed admin token whose account exists.
import { randomBytes } from 'node:crypto';
import { createApiApp } from '../../functions/api/app.ts';
import { startEmbeddedStore } from '../../functions/local/embedded-store.ts';
import { signToken } from '../../functions/services/auth/tokens.ts';
import { defaultApiConfig } from '../../functions/services/config.ts';
import { createStore } from '../../functions/store/index.ts';

export const startAdminApp = async () => {
  const embedded = await startEmbeddedStore();
  const store = createStore(embedded.config);
  await store.ensure();
  const config = defaultApiConfig({ jwtSecret: randomBytes(32).toString('hex'), pinPepper: 'bench' });
  const { app } = createApiApp({
    store,
    config,
    clock: Date.now,
    randomHex: (n) => randomBytes(n).toString('hex'),
  });
  // the auth middleware refuses a token whose account does not exist (disabled-account revocation)
  await store.users.put({ id: 'admin', name: 'Bench Admin', role: 'admin', passwordHash: 'unused' });
  const token = await signToken(
    { role: 'admin', sub: 'admin', exp: Math.floor(Date.now() / 1000) + 3600 },
    config.jwtSecret,
  );
  return { embedded, store, app, token };
};
