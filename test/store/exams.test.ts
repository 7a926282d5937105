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
