// s3rver as the embedded store runs it: a GET racing PUTs of the same key returns one whole body, as S3 does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedStore, startEmbeddedStore } from '../../functions/local/embedded-store.ts';
import { createStore } from '../../functions/store/index.ts';
import type { Store } from '../../functions/store/types.ts';

let embedded: EmbeddedStore;
let store: Store;
beforeAll(async () => {
  embedded = await startEmbeddedStore({});
  store = createStore(embedded.config);
});
afterAll(async () => {
  await embedded.stop();
});

/** A JSON body of a recognisable size: version n padded so that every version has a different length. */
const body = (n: number) => JSON.stringify({ version: n, pad: 'x'.repeat(20_000 + n * 997) });

describe('embedded S3 object writes', () => {
  it('readers racing writers of one key only ever see a whole version (never empty or cut)', async () => {
    const bucket = embedded.config.publicBucket;
    const key = 'published/race/latest.json';
    await store.objects.put(bucket, key, body(0), 'application/json');
    const seen: number[] = [];
    const torn: string[] = [];
    const writers = Array.from({ length: 40 }, (_, i) =>
      store.objects.put(bucket, key, body(i + 1), 'application/json'),
    );
    const readers = Array.from({ length: 120 }, async () => {
      const got = await store.objects.get(bucket, key);
      const text = got?.toString('utf8') ?? '';
      try {
        const v = (JSON.parse(text) as { version: number }).version;
        if (text !== body(v)) torn.push(`version ${v}: ${text.length} bytes`);
        seen.push(v);
      } catch {
        torn.push(`${text.length} bytes`);
      }
    });
    await Promise.all([...writers, ...readers]);
    expect(torn).toEqual([]);
    expect(seen).toHaveLength(120);
    const last = (await store.objects.get(bucket, key))?.toString('utf8') ?? '';
    expect(JSON.parse(last).version).toBeGreaterThan(0);
  });
});
