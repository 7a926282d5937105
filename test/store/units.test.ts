import { beforeAll, describe, expect, it } from 'vitest';
import { clientsFor } from '../../functions/store/clients.ts';
import { Table } from '../../functions/store/table.ts';
import type { Store } from '../../functions/store/types.ts';
import { readUnitsForBytes, storeUnits, writeUnitsForBytes } from '../../functions/store/units.ts';
import { attemptMeta } from './fixtures.ts';
import { testStore } from './helpers.ts';

let store: Store;
let table: Table;
beforeAll(async () => {
  store = await testStore();
  table = new Table(clientsFor(store.config).dynamo, store.config.tableName);
});

describe('units', () => {
  it('rules: 1 WRU per started KB; RRU 1 per started 4 KB consistent, half eventually', () => {
    expect(writeUnitsForBytes(0)).toBe(1);
    expect(writeUnitsForBytes(1024)).toBe(1);
    expect(writeUnitsForBytes(1025)).toBe(2);
    expect(readUnitsForBytes(4096, true)).toBe(1);
    expect(readUnitsForBytes(4097, true)).toBe(2);
    expect(readUnitsForBytes(100, false)).toBe(0.5);
  });

  it('counts what dynalite reports (ReturnConsumedCapacity TOTAL) and estimates failed conditional writes', async () => {
    storeUnits.reset();
    const step = { type: 'answered' as const, itemId: 'q', choice: 'a', at: 1, deviceEpoch: 1, clientSeq: 1 };
    await store.attempts.appendClientStep('u', step);
    expect(storeUnits.snapshot()).toEqual({
      readUnits: 0,
      writeUnits: 1,
      reads: 0,
      writes: 1,
      requests: 1,
      estimated: 0,
    });
    await store.attempts.appendClientStep('u', { ...step, choice: 'x'.repeat(2500) });
    await store.attempts.appendClientStep('u', { ...step, clientSeq: 2, choice: 'x'.repeat(2500) }); // ≈ 2.6 KB
    await store.attempts.create(attemptMeta('u'));
    await store.attempts.get('u'); // eventually consistent
    await store.attempts.get('u', true);
    const s = storeUnits.snapshot();
    // seq 1 (1) + failed duplicate (estimated, 2.6 KB -> 3) + seq 2 (3) + META (1)
    expect(s.writeUnits).toBe(8);
    expect(s.writes).toBe(4);
    expect(s.estimated).toBe(1);
    // consistent GetItem after the failed condition (1) + eventual get (0.5) + consistent get (1)
    expect(s.readUnits).toBe(2.5);
    expect(s.reads).toBe(3);
    expect(s.requests).toBe(7);
  });

  it('a batch get is one request for several keys, each key a read', async () => {
    await store.attempts.create(attemptMeta('bg1'));
    await store.attempts.create(attemptMeta('bg2'));
    storeUnits.reset();
    const [a, none, b] = await table.batchGet(
      [
        { PK: 'ATTEMPT#bg1', SK: 'META' },
        { PK: 'ATTEMPT#nobody', SK: 'META' },
        { PK: 'ATTEMPT#bg2', SK: 'META' },
      ],
      true,
    );
    expect([a?.PK?.S, none, b?.PK?.S]).toEqual(['ATTEMPT#bg1', undefined, 'ATTEMPT#bg2']);
    const s = storeUnits.snapshot();
    expect(s.requests).toBe(1);
    expect(s.reads).toBe(3);
    // DynamoDB charges a key that is not found like a get that finds nothing: 1 RRU (consistent).
    expect(s.readUnits).toBe(3);
  });
});
