// Capacity counter: read/write request units consumed by this process, for the benchmark and cost model.
import type { AttributeValue, ConsumedCapacity } from '@aws-sdk/client-dynamodb';

/**
 * Units are taken from the ConsumedCapacity the table returns (every call sends ReturnConsumedCapacity
 * TOTAL; dynalite 4 computes it like DynamoDB for the base table: 1 WRU per started KB written, 1 RRU per
 * started 4 KB strongly consistent, 0.5 eventually consistent). Where no figure comes back — a conditional
 * write that failed (DynamoDB still charges it), or a service that omits it — the unit count is estimated
 * from the marshalled item size with the same rule. dynalite does not charge GSI writes; DynamoDB does
 * (one more WRU per index an item projects into) — the cost model adds those.
 */
export interface UnitsSnapshot {
  readUnits: number;
  writeUnits: number;
  reads: number;
  writes: number;
  /** Store requests (round trips): a batch of items is one request. */
  requests: number;
  /** Operations whose units were estimated rather than reported. */
  estimated: number;
}

const totals: UnitsSnapshot = { readUnits: 0, writeUnits: 0, reads: 0, writes: 0, requests: 0, estimated: 0 };

export const writeUnitsForBytes = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));

export const readUnitsForBytes = (bytes: number, consistent: boolean): number => {
  const blocks = Math.max(1, Math.ceil(bytes / 4096));
  return consistent ? blocks : blocks / 2;
};

const reported = (c: ConsumedCapacity | ConsumedCapacity[] | undefined): number | undefined => {
  if (c === undefined) return undefined;
  const list = Array.isArray(c) ? c : [c];
  let sum = 0;
  let any = false;
  for (const x of list) {
    if (typeof x.CapacityUnits === 'number') {
      sum += x.CapacityUnits;
      any = true;
    }
  }
  return any ? sum : undefined;
};

export const recordWrite = (
  capacity: ConsumedCapacity | ConsumedCapacity[] | undefined,
  estimate: () => number,
  operations = 1,
): void => {
  const units = reported(capacity);
  totals.writes += operations;
  totals.requests++;
  if (units === undefined) {
    totals.writeUnits += estimate();
    totals.estimated += operations;
  } else totals.writeUnits += units;
};

export const recordRead = (
  capacity: ConsumedCapacity | ConsumedCapacity[] | undefined,
  estimate: () => number,
  operations = 1,
): void => {
  const units = reported(capacity);
  totals.reads += operations;
  totals.requests++;
  if (units === undefined) {
    totals.readUnits += estimate();
    totals.estimated += operations;
  } else totals.readUnits += units;
};

export const storeUnits = {
  snapshot: (): UnitsSnapshot => ({ ...totals }),
  reset: (): void => {
    totals.readUnits = 0;
    totals.writeUnits = 0;
    totals.reads = 0;
    totals.writes = 0;
    totals.requests = 0;
    totals.estimated = 0;
  },
} as const;

/** Approximate DynamoDB item size (names + values), used only where no ConsumedCapacity came back. */
export const itemBytes = (item: Record<string, AttributeValue>): number => {
  let n = 0;
  for (const [k, v] of Object.entries(item)) n += Buffer.byteLength(k) + valueBytes(v);
  return n;
};

const valueBytes = (v: AttributeValue): number => {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|e.*$/gi, '').length / 2) + 1;
  if (v.B !== undefined) return v.B.byteLength;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.L !== undefined) return 3 + v.L.reduce((s, x) => s + 1 + valueBytes(x), 0);
  if (v.M !== undefined) return 3 + Object.keys(v.M).length + itemBytes(v.M);
  if (v.SS !== undefined) return v.SS.reduce((s, x) => s + Buffer.byteLength(x), 0);
  if (v.NS !== undefined) return v.NS.reduce((s, x) => s + Math.ceil(x.length / 2) + 1, 0);
  if (v.BS !== undefined) return v.BS.reduce((s, x) => s + x.byteLength, 0);
  return 0;
};
