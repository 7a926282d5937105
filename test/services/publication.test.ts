// Publication versions under concurrency (real dynalite + s3rver): publishers racing never write the same
// version, every version's files state their own version and verify, and latest ends on the newest.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PublicationDoc } from '../../functions/domain/publication.ts';
import { type Signed, verifyDocument } from '../../functions/domain/signature.ts';
import { DEMO_EXAM_ID } from '../../functions/local/demo-data.ts';
import { type LatestPointer, publishedKeys } from '../../functions/services/publication.ts';
import { type ApiHarness, apiHarness } from '../api/harness.ts';

let h: ApiHarness;
const exam = DEMO_EXAM_ID;
const req = (n: number) => ({
  actor: { role: 'admin' as const, id: 'admin' },
  opId: `race-${n}-${Date.now()}`,
});

const submit = async (i: number) => {
  const s = await h.started(i);
  const r = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, { token: s.token });
  expect(r.status).toBe(200);
};

const readJson = async <T>(key: string): Promise<T> => {
  const body = await h.store.objects.get(h.store.config.publicBucket, key);
  expect(body, key).toBeDefined();
  return JSON.parse(body?.toString('utf8') ?? 'null') as T;
};

beforeAll(async () => {
  h = await apiHarness(3);
  await h.store.formations.put({
    id: 'F-ANALIS-001',
    position: 'Analis',
    agencyUnit: 'Unit',
    openings: 1,
    formationType: 'umum',
  });
  await submit(0);
}, 60_000);

describe('concurrent publishes', () => {
  it('four publishers at once: no version is written twice, each version verifies, latest is the newest', async () => {
    const outs = await Promise.all([1, 2, 3, 4].map((n) => h.services.publication.publish(req(n), exam)));
    const created = outs.filter((o) => o.created).map((o) => o.version);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created).size).toBe(created.length);
    const keys = await h.services.publication.keys();
    for (const v of created) {
      const signed = await readJson<Signed<PublicationDoc>>(publishedKeys.version(exam, v, 'ranking.json'));
      expect(signed.document.version).toBe(v);
      expect(verifyDocument(signed, keys)).toBe(true);
    }
    const latest = await readJson<LatestPointer>(publishedKeys.latest(exam));
    expect(latest.version).toBe(Math.max(...outs.map((o) => o.version)));
    expect((await h.store.publications.get(exam)).claimed).toBe(latest.version);
  });

  it('after a new result, racing publishers again get distinct versions above the previous latest', async () => {
    const before = await readJson<LatestPointer>(publishedKeys.latest(exam));
    await submit(1);
    const outs = await Promise.all([5, 6].map((n) => h.services.publication.publish(req(n), exam)));
    const created = outs.filter((o) => o.created).map((o) => o.version);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created).size).toBe(created.length);
    for (const v of created) expect(v).toBeGreaterThan(before.version);
    const old = await readJson<Signed<PublicationDoc>>(
      publishedKeys.version(exam, before.version, 'ranking.json'),
    );
    expect(old.document.rows).toHaveLength(1);
    const latest = await readJson<LatestPointer>(publishedKeys.latest(exam));
    expect(latest.version).toBe(Math.max(...created));
    expect((await h.services.publication.document(exam)).document.rows).toHaveLength(2);
  });
});
