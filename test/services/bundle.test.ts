// Auditor bundles of the demo's finished selection: the public bundle carries the final (SKB) ranking and its
// signed SKB scores (never a component) and verifies; after a regrade and both rankings republished, the personal
// bundle verifies too, its correction matched to the exam.regrade audit entry.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleSkbDoc } from '../../functions/domain/bundle.ts';
import type { SingleItem } from '../../functions/domain/items.ts';
import { fromMilli } from '../../functions/domain/skb.ts';
import { verifyBundle } from '../../functions/domain/verify.ts';
import { DEMO_FINISHED_SESSION_ID } from '../../functions/local/demo/finished.ts';
import { DEMO_EXAM_ID, seedDemo } from '../../functions/local/demo-data.ts';
import { defaultApiConfig } from '../../functions/services/config.ts';
import type { Deps } from '../../functions/services/deps.ts';
import { createServices, type Services } from '../../functions/services/index.ts';
import { RELAXED_LOGIN_LIMITS, TEST_PUBLICATION_KEYS } from '../api/harness.ts';
import { testStore } from '../store/helpers.ts';

const DAY = 86_400_000;
let now = Date.now();
let deps: Deps;
let services: Services;
const exam = DEMO_EXAM_ID;
const admin = (what: string) => ({ actor: { role: 'admin' as const, id: 'admin' }, opId: `t-${what}` });
const verify = (files: Map<string, string>) => verifyBundle({ read: (p) => files.get(p) });

beforeAll(async () => {
  deps = {
    store: await testStore(),
    config: {
      ...defaultApiConfig({
        jwtSecret: 'test-jwt-secret-0123',
        pinPepper: 'test-pepper',
        publication: TEST_PUBLICATION_KEYS,
      }),
      loginLimits: RELAXED_LOGIN_LIMITS,
    },
    clock: () => now,
    randomHex: (n) => randomBytes(n).toString('hex'),
  };
  // The demo as `npm start` seeds it: the finished session's 12 candidates, SKD and final rankings published.
  await seedDemo(deps, { candidates: 1, seed: { secret: 'cd'.repeat(32), at: now } });
  services = createServices(deps);
  now += 31 * DAY; // every session of the exam over
}, 180_000);

describe('bundles of the demo selection with its final ranking', () => {
  it('public: skb.json (pseudonyms and SKB totals only), the final publication and proofs; verifies', async () => {
    const { files } = await services.bundles.assemble(exam, 'public');
    const r = await verify(files);
    expect(r.mismatches).toEqual([]);
    const final = JSON.parse(files.get('final-publication.json') ?? 'null');
    expect(final.document.publicationId).toBe(`${exam}.final`);
    const rows = final.document.rows.length;
    expect(rows).toBeGreaterThan(0);
    expect(r.counts).toMatchObject({ attempts: 12, finalRows: rows, finalProofs: rows });
    const skb = JSON.parse(files.get('skb.json') ?? 'null').document as BundleSkbDoc;
    expect(r.counts.skb).toBe(skb.scores.length);
    expect(skb.scores.length).toBe(rows); // the demo imports SKB for every advancing candidate
    expect(Object.keys(skb.scores[0] ?? {}).sort()).toEqual(['pseudonym', 'skb']);

    // Components stay unpublished: no component weight or value anywhere in the public bundle (the demo bank's
    // PPPK items have a WAWANCARA category, so component names are not a test of it).
    const text = [...files.values()].join('\n');
    for (const name of ['PSIKOTES', 'componentWeights', 'componentsMilli'])
      expect(text.includes(`"${name}"`), name).toBe(false);
    const components = (await deps.store.skb.listCurrent(exam)).flatMap((row) =>
      Object.values(row.componentsMilli ?? {}),
    );
    expect(components.length).toBeGreaterThan(0);
    for (const m of components) expect(text.includes(`:${fromMilli(m)}`), String(m)).toBe(false);
  });

  it('after a regrade and both rankings republished, the personal bundle verifies with its correction matched', async () => {
    const [meta] = await deps.store.attempts.listBySession(DEMO_FINISHED_SESSION_ID);
    const [bankId, snapshotId] = Object.entries(meta?.bankSnapshots ?? {})[0] ?? [];
    const snapshot = await deps.store.banks.getSnapshot(snapshotId as string);
    const item = snapshot?.items.find((i): i is SingleItem => i.kind === 'single');
    if (!bankId || !item) throw new Error('no single item in the demo bank');
    const { bankId: _b, ...rest } = item;
    const key = item.options.find((o) => o.id !== item.key)?.id as string;
    await services.regrade.regrade(admin('regrade'), exam, {
      bankId,
      reason: 'kunci keliru',
      items: [{ ...rest, key }],
    });
    await services.publication.publish(admin('publish-skd'), exam);
    await services.skb.publish(admin('publish-final'), exam);
    const { files } = await services.bundles.assemble(exam, 'personal');
    const r = await verify(files);
    expect(r.mismatches).toEqual([]);
    expect(r.counts.corrections).toBe(1);
    expect(r.counts.finalRows).toBeGreaterThan(0);
  });
});
