import { beforeAll, describe, expect, it } from 'vitest';
import type { CandidateRecord, Formation } from '../../functions/domain/registry.ts';
import type { Store } from '../../functions/store/types.ts';
import { testStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  // pageLimit 2 forces the list queries through several pages
  store = await testStore({ pageLimit: 2 });
});

const formation = (id: string, over: Partial<Formation> = {}): Formation => ({
  id,
  position: 'Analis Kebijakan Ahli Pertama',
  agencyUnit: 'Biro Organisasi',
  openings: 3,
  formationType: 'umum',
  ...over,
});
const candidate = (regNo: string, over: Partial<CandidateRecord> = {}): CandidateRecord => ({
  regNo,
  name: `Peserta ${regNo}`,
  birthDate: '2000-01-31',
  formationId: 'F1',
  formationType: 'umum',
  education: 'S1',
  extraMinutes: 0,
  ...over,
});

describe('formations', () => {
  it('put, putMany (replacing by id), get, list in id order', async () => {
    await store.formations.put(formation('F2'));
    await store.formations.putMany([formation('F1'), formation('F3'), formation('F2', { openings: 7 })]);
    expect(await store.formations.get('F2')).toEqual(formation('F2', { openings: 7 }));
    expect(await store.formations.get('nope')).toBeUndefined();
    expect((await store.formations.list()).map((f) => f.id)).toEqual(['F1', 'F2', 'F3']);
  });
});

describe('candidates', () => {
  it('rows of an import are invisible until the pointer names it; the pointer flips between imports', async () => {
    expect(await store.candidates.listCurrent()).toEqual([]);
    await store.candidates.putImportChunks('imp-a', [
      { n: 0, rows: [candidate('R1'), candidate('R2')] },
      { n: 1, rows: [candidate('R3')] },
    ]);
    expect(await store.candidates.listCurrent()).toEqual([]);
    await store.candidates.setPointer({ importId: 'imp-a', rows: 3, fileHash: 'h', at: 1, by: 'admin' });
    expect((await store.candidates.listCurrent()).map((c) => c.regNo)).toEqual(['R1', 'R2', 'R3']);
    await store.candidates.putImportChunks('imp-b', [{ n: 0, rows: [candidate('R9', { sessionId: 's1' })] }]);
    expect((await store.candidates.listCurrent()).map((c) => c.regNo)).toEqual(['R1', 'R2', 'R3']);
    await store.candidates.setPointer({ importId: 'imp-b', rows: 1, fileHash: 'h2', at: 2, by: 'admin' });
    expect(await store.candidates.listCurrent()).toEqual([candidate('R9', { sessionId: 's1' })]);
    expect((await store.candidates.getPointer())?.importId).toBe('imp-b');
  });

  it('writing the same rows twice leaves the same state', async () => {
    const chunks = [
      { n: 0, rows: [candidate('X1'), candidate('X2')] },
      { n: 1, rows: [candidate('X3')] },
    ];
    await store.candidates.putImportChunks('imp-x', chunks);
    await store.candidates.putImportChunks('imp-x', chunks);
    expect((await store.candidates.listImport('imp-x')).map((c) => c.regNo)).toEqual(['X1', 'X2', 'X3']);
  });
});
