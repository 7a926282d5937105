// A bundle after the exam got a new version: it carries the version the attempts ran on (not the latest), and the
// offline verifier re-derives every form and score from it with zero mismatches.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../functions/domain/verify.ts';
import { DEMO_EXAM_ID } from '../../../functions/local/demo-data.ts';
import { apiHarness } from '../harness.ts';
import { firstItems, putFormation, sitAndSubmit } from '../sitting.ts';

let h: Awaited<ReturnType<typeof apiHarness>>;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await apiHarness(2);
  await putFormation(h);
  for (const i of [0, 1])
    await sitAndSubmit(
      h,
      i,
      firstItems(25, (k) => k + i),
    );
}, 120_000);

describe('bundles and exam versions', () => {
  it('version 2 made after the attempts: the bundle carries version 1 and verifies', async () => {
    const admin = await h.loginStaff('admin');
    const {
      id: _id,
      version: _v,
      scoringCorrections: _c,
      ...definition
    } = (await h.call('GET', `/api/admin/exams/${DEMO_EXAM_ID}`, { token: admin })).json.exam;
    const v2 = await h.call('POST', `/api/admin/exams/${DEMO_EXAM_ID}/versions`, {
      token: admin,
      body: { definition: { ...definition, durationMinutes: 80, title: 'Versi dua' } },
    });
    expect(v2.json.exam.version).toBe(2);
    expect((await h.call('POST', `/api/admin/publications/${DEMO_EXAM_ID}`, { token: admin })).status).toBe(
      200,
    );
    h.advance(31 * DAY);
    const auditor = await h.loginStaff('auditor');
    const r = await h.call('POST', '/api/auditor/bundles', {
      token: auditor,
      body: { examId: DEMO_EXAM_ID },
    });
    expect(r.status).toBe(200);
    const body = await h.store.objects.get(h.store.config.auditBucket, r.json.bundle.key);
    const archive = JSON.parse(body?.toString('utf8') ?? '{}') as { files: Record<string, string> };
    const examFiles = Object.entries(archive.files).filter(([p]) => p.startsWith('exams/'));
    expect(examFiles).toHaveLength(1);
    expect(JSON.parse(examFiles[0]?.[1] ?? '{}')).toMatchObject({ version: 1, durationMinutes: 100 });
    const report = await verifyBundle({ read: (p) => archive.files[p] });
    expect(report.mismatches).toEqual([]);
    expect(report.counts).toMatchObject({ attempts: 2 });
  });
});
