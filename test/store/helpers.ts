// Store test helpers: a Store on a fresh table and fresh buckets of the run's embedded store.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createStore } from '../../functions/store/index.ts';
import type { TableTuning } from '../../functions/store/table.ts';
import type { Store, StoreConfig } from '../../functions/store/types.ts';

/** Unique names per call, so test files (and tests) run in parallel without seeing each other's data. */
export const testConfig = (): StoreConfig => {
  const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  return {
    tableName: `test-${id}`,
    region: 'ap-southeast-3',
    dynamoEndpoint: inject('dynamoEndpoint'),
    s3Endpoint: inject('s3Endpoint'),
    publicBucket: `pub-${id}`,
    auditBucket: `aud-${id}`,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
};

export const testStore = async (tuning?: TableTuning): Promise<Store> => {
  const store = createStore(testConfig(), tuning);
  await store.ensure();
  return store;
};
