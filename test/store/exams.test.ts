import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../functions/store/types.ts';
import { exam } from './fixtures.ts';
import { testStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

describe('exams', () => {
  it('round-trips an exam with its sections in order', async () => {
    const e = exam();
    await store.exams.put(e);
    expect(await store.exams.get(e.id)).toEqual(e);
  });

  it('returns undefined for an unknown exam', async () => {
    expect(await store.exams.get('nope')).toBeUndefined();
  });

  it('a new version with fewer sections replaces the old one (no stale sections)', async () => {
    const v1 = exam({ id: 'shrink' });
    await store.exams.put(v1);
    const v2 = exam({ id: 'shrink', version: 2, sections: v1.sections.slice(0, 1), title: 'v2' });
    await store.exams.put(v2);
    expect(await store.exams.get('shrink')).toEqual(v2);
  });
});

describe('exam versions', () => {
  it('keeps every version whole: the latest from get(id), an older one from get(id, n)', async () => {
    const v1 = exam({ id: 'ver' });
    await store.exams.put(v1, { createdAt: 1, createdBy: 'admin' });
    const v2 = exam({ id: 'ver', version: 2, title: 'v2', durationMinutes: 90 });
    await store.exams.createVersion(v2, { createdAt: 2, createdBy: 'admin' });
    expect(await store.exams.get('ver')).toEqual(v2);
    expect(await store.exams.get('ver', 2)).toEqual(v2);
    expect(await store.exams.get('ver', 1)).toEqual(v1);
    expect(await store.exams.get('ver', 3)).toBeUndefined();
    const versions = await store.exams.versions('ver');
    expect(versions.map((v) => [v.exam.version, v.exam.title, v.createdAt])).toEqual([
      [1, v1.title, 1],
      [2, 'v2', 2],
    ]);
  });

  it('createVersion refuses a version that exists (CONFLICT) and changes nothing', async () => {
    const v1 = exam({ id: 'taken' });
    await store.exams.put(v1);
    await expect(store.exams.createVersion({ ...v1, title: 'other' }, {})).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await store.exams.get('taken')).toEqual(v1);
  });

  it('scoring corrections belong to the exam: every version carries them, no version is rewritten', async () => {
    const v1 = exam({ id: 'corr' });
    await store.exams.put(v1);
    await store.exams.createVersion(exam({ id: 'corr', version: 2 }), {});
    const corrections = { ['a'.repeat(64)]: { snapshotId: 'b'.repeat(64), regradeId: 'r1' } };
    await store.exams.setCorrections('corr', corrections);
    expect((await store.exams.get('corr'))?.scoringCorrections).toEqual(corrections);
    expect((await store.exams.get('corr', 1))?.scoringCorrections).toEqual(corrections);
    expect((await store.exams.get('corr', 2))?.version).toBe(2);
    await expect(store.exams.setCorrections('nope', corrections)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lists exams with their latest version', async () => {
    await store.exams.put(exam({ id: 'list-a', title: 'A' }));
    await store.exams.put(exam({ id: 'list-b', title: 'B', scheme: 'PPPK' }));
    await store.exams.createVersion(exam({ id: 'list-b', version: 2, title: 'B2', scheme: 'PPPK' }), {
      createdAt: 5,
    });
    const listed = (await store.exams.list()).filter((e) => e.id.startsWith('list-'));
    expect(listed).toEqual([
      { id: 'list-a', title: 'A', scheme: 'SKD', version: 1 },
      { id: 'list-b', title: 'B2', scheme: 'PPPK', version: 2, updatedAt: 5 },
    ]);
  });

  it('an exam written without version items still lists its latest as its one version', async () => {
    expect(await store.exams.versions('unknown')).toEqual([]);
  });
});
