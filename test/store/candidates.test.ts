// Candidate registry store: a CHUNK# range is one Query whatever the import's size; the pointer names the import.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CandidateRecord } from '../../functions/domain/registry.ts';
import { storeUnits } from '../../functions/store/index.ts';
import type { Store } from '../../functions/store/types.ts';
import { testStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const row = (i: number): CandidateRecord => ({
  regNo: `R-${String(i).padStart(5, '0')}`,
  name: `Peserta ${i}`,
  birthDate: '2000-01-01',
  formationId: 'F-1',
  formationType: 'umum',
  education: 'S1',
  extraMinutes: 0,
});

describe('candidate chunks', () => {
  it.each([
    [0, 0, 0, 10],
    [3, 3, 30, 40],
    [2, 5, 20, 50],
    [4, 9, 40, 50], // past the last chunk: only what exists
  ])('chunks %i..%i are rows %i..%i, in one request', async (from, to, first, end) => {
    const importId = 'a'.repeat(24);
    const chunks = Array.from({ length: 5 }, (_, n) => ({
      n,
      rows: Array.from({ length: 10 }, (_, j) => row(n * 10 + j)),
    }));
    await store.candidates.putImportChunks(importId, chunks);
    // Another import beside it must not leak into the range.
    await store.candidates.putImportChunks('b'.repeat(24), [{ n: 0, rows: [row(99_999)] }]);
    const before = storeUnits.snapshot().reads;
    const rows = await store.candidates.readChunks(importId, from, to);
    expect(storeUnits.snapshot().reads - before).toBe(1);
    expect(rows.map((r) => r.regNo)).toEqual(
      Array.from({ length: end - first }, (_, i) => row(first + i).regNo),
    );
  });
});
