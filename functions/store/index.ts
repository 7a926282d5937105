// Store entry point: createStore(config) wires the clients, the table and one repository per aggregate.

import { DomainError } from '../domain/errors.ts';
import { createAppealRepo } from './appeals.ts';
import { createAttemptRepo } from './attempts.ts';
import { createAuditRepo } from './audit.ts';
import { createBankRepo } from './banks.ts';
import { createCandidateRepo } from './candidates.ts';
import { clientsFor } from './clients.ts';
import { describeTable, ensureBucket, ensureTable } from './ensure.ts';
import { createExamRepo } from './exams.ts';
import { createFormationRepo } from './formations.ts';
import { createLoginLimitRepo } from './login-limits.ts';
import { createObjects } from './objects.ts';
import { createPsychNormsRepo } from './psych-norms.ts';
import { createPublicationPointerRepo } from './publications.ts';
import { createPushConnectionRepo } from './push-connections.ts';
import { createRoomRepo } from './room.ts';
import { createSessionRepo } from './sessions.ts';
import { createSkbRepo } from './skb.ts';
import { Table, type TableTuning } from './table.ts';
import type { Store, StoreConfig } from './types.ts';
import { createUserRepo } from './users.ts';

export { destroyClients } from './clients.ts';
export type { Store, StoreConfig } from './types.ts';
export { storeUnits, type UnitsSnapshot } from './units.ts';

export const createStore = (config: StoreConfig, tuning: TableTuning = {}): Store => {
  const { dynamo, s3 } = clientsFor(config);
  const table = new Table(dynamo, config.tableName, tuning);
  return {
    exams: createExamRepo(table),
    formations: createFormationRepo(table),
    candidates: createCandidateRepo(table),
    audit: createAuditRepo(table),
    banks: createBankRepo(table),
    sessions: createSessionRepo(table),
    attempts: createAttemptRepo(table),
    users: createUserRepo(table),
    loginLimits: createLoginLimitRepo(table),
    publications: createPublicationPointerRepo(table),
    skb: createSkbRepo(table),
    pushConnections: createPushConnectionRepo(table),
    psychNorms: createPsychNormsRepo(table),
    room: createRoomRepo(table),
    appeals: createAppealRepo(table),
    objects: createObjects(s3),
    config,
    async ensure(): Promise<void> {
      await ensureTable(dynamo, config.tableName);
      await ensureBucket(await s3(), config.publicBucket);
      if (config.auditBucket !== config.publicBucket) await ensureBucket(await s3(), config.auditBucket);
    },
    async ping(): Promise<'ok'> {
      const t = await describeTable(dynamo, config.tableName);
      if (!t) throw new DomainError('STORE_UNAVAILABLE', `table ${config.tableName} does not exist`);
      return 'ok';
    },
  };
};
