// The demo's finished selection: formations, yesterday's closed session whose cohort sat the exam through the
// attempt services, a non-empty published SKD ranking and a final ranking; a second seeding changes nothing.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApiApp } from '../../../functions/api/app.ts';
import { DEMO_FINISHED_SESSION_ID, DEMO_FORMATIONS } from '../../../functions/local/demo/finished.ts';
import { seedDemo } from '../../../functions/local/demo-data.ts';
import { defaultApiConfig } from '../../../functions/services/config.ts';
import type { Deps } from '../../../functions/services/deps.ts';
import { RELAXED_LOGIN_LIMITS, TEST_PUBLICATION_KEYS } from '../../api/harness.ts';
import { testStore } from '../../store/helpers.ts';

describe('finished demo selection', () => {
  it('seeds results, publishes a non-empty SKD and final ranking, reveals the closed session; idempotent', async () => {
    const deps: Deps = {
      store: await testStore(),
      config: {
        ...defaultApiConfig({
          jwtSecret: 'test-jwt-secret-0123',
          pinPepper: 'test-pepper',
          publication: TEST_PUBLICATION_KEYS,
        }),
        loginLimits: RELAXED_LOGIN_LIMITS,
      },
      clock: Date.now,
      randomHex: (n) => randomBytes(n).toString('hex'),
    };
    const seed = { secret: 'ab'.repeat(32), at: Date.now() };
    const creds = await seedDemo(deps, { candidates: 1, finishedCohort: 6, seed });
    expect(creds.finished?.sessionId).toBe(DEMO_FINISHED_SESSION_ID);
    expect((await deps.store.formations.list()).map((f) => f.id).sort()).toEqual(
      DEMO_FORMATIONS.map((f) => f.id).sort(),
    );
    const attempts = await deps.store.attempts.listBySession(DEMO_FINISHED_SESSION_ID);
    expect(attempts).toHaveLength(6);
    expect(attempts.every((a) => a.state === 'submitted')).toBe(true);

    const { app } = createApiApp(deps);
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
    const get = async (path: string) => (await app.request(path)).json() as Promise<any>;
    const skd = await get(`/api/public/rankings/${creds.finished?.rankingId}`);
    expect(skd.document.rows).toHaveLength(6);
    expect(skd.document.rows.some((r: { advances: boolean }) => r.advances)).toBe(true);
    const final = await get(`/api/public/rankings/${creds.finished?.finalRankingId}`);
    expect(final.document.rows.length).toBeGreaterThan(0);
    expect(final.document.rows.every((r: { skb: number | null }) => typeof r.skb === 'number')).toBe(true);
    const commitment = await get(`/api/public/sessions/${DEMO_FINISHED_SESSION_ID}/commitment`);
    expect(commitment.secret).toMatch(/^[0-9a-f]{64}$/);

    // Re-running the same seed (a restart after a crash) writes no new version and no new attempt.
    await seedDemo(deps, { candidates: 1, finishedCohort: 6, seed });
    expect((await get(`/api/public/rankings/${creds.finished?.rankingId}`)).document.version).toBe(
      skd.document.version,
    );
    expect((await get(`/api/public/rankings/${creds.finished?.finalRankingId}`)).document.version).toBe(
      final.document.version,
    );
    expect(await deps.store.attempts.listBySession(DEMO_FINISHED_SESSION_ID)).toHaveLength(6);
  }, 120_000);
});
