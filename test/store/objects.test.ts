import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../functions/store/types.ts';
import { testStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

describe('objects (s3rver)', () => {
  it('round-trips a Buffer body byte for byte', async () => {
    const body = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    await store.objects.put(store.config.auditBucket, 'audit/bundle.bin', body, 'application/octet-stream');
    const got = await store.objects.get(store.config.auditBucket, 'audit/bundle.bin');
    expect(got?.equals(body)).toBe(true);
  });

  it('round-trips a string body (UTF-8) and overwrites', async () => {
    const bucket = store.config.publicBucket;
    await store.objects.put(
      bucket,
      'published/F1/ranking.json',
      '{"judul":"Peringkat — formasi F1"}',
      'application/json',
    );
    expect((await store.objects.get(bucket, 'published/F1/ranking.json'))?.toString('utf8')).toBe(
      '{"judul":"Peringkat — formasi F1"}',
    );
    await store.objects.put(bucket, 'published/F1/ranking.json', 'v2', 'application/json');
    expect((await store.objects.get(bucket, 'published/F1/ranking.json'))?.toString()).toBe('v2');
  });

  it('an empty object is an empty Buffer; a missing key is undefined', async () => {
    await store.objects.put(store.config.publicBucket, 'published/empty', Buffer.alloc(0), 'text/plain');
    expect((await store.objects.get(store.config.publicBucket, 'published/empty'))?.length).toBe(0);
    expect(await store.objects.get(store.config.publicBucket, 'published/missing')).toBeUndefined();
  });
});
