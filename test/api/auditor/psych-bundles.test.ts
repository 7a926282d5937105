// A PSYCH exam's bundle: no public bundle (psych results are never published); the named auditor's personal
// bundle carries each attempt's signed psych scores and the offline verifier re-derives them.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../functions/domain/verify.ts';
import { DEMO_PSYCH_EXAM_ID } from '../../../functions/local/demo-data.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';
import { likertItems, sitAndSubmit } from '../sitting.ts';

let h: ApiHarness;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await apiHarness(1);
  // Likert answers are the scale points '1'..'5' themselves.
  const answered = likertItems((k) => String(1 + (k % 5)), 12);
  await sitAndSubmit(h, { psych: 0 }, (items) => {
    const answers = answered(items);
    expect(answers.length).toBeGreaterThan(0);
    return answers;
  });
  h.advance(31 * DAY);
}, 120_000);

describe('bundles of a PSYCH exam', () => {
  it('no public bundle: psych results never leave anonymized', async () => {
    const auditor = await h.loginStaff('auditor');
    const r = await h.call('POST', '/api/auditor/bundles', {
      token: auditor,
      body: { examId: DEMO_PSYCH_EXAM_ID },
    });
    expect(r.status).toBe(400);
  });

  it('the personal bundle carries signed psych scores that verify offline, and no publication', async () => {
    const auditor = await h.loginStaff('auditor');
    h.deps.config.personalDataAuditors = [h.demo.auditor.username];
    try {
      const r = await h.call('POST', '/api/auditor/bundles', {
        token: auditor,
        body: { examId: DEMO_PSYCH_EXAM_ID, personal: true },
      });
      expect(r.status).toBe(200);
      const body = await h.store.objects.get(h.store.config.auditBucket, r.json.bundle.key);
      const files = (JSON.parse(body?.toString('utf8') ?? '{}') as { files: Record<string, string> }).files;
      expect(Object.keys(files).some((p) => p === 'publication.json' || p.startsWith('proofs/'))).toBe(false);
      const report = await verifyBundle({ read: (p) => files[p] });
      expect(report.mismatches).toEqual([]);
      expect(report.counts).toMatchObject({ attempts: 1, psych: 1, rows: 0 });
      const manifest = JSON.parse(files['manifest.json'] ?? '{}');
      const attempt = JSON.parse(files[`attempts/${manifest.attempts[0]}.json`] ?? '{}');
      expect(attempt.psych.document.factors.length).toBeGreaterThan(0);
      expect(attempt.psych.document.factors.some((f: { answered: number }) => f.answered > 0)).toBe(true);
    } finally {
      h.deps.config.personalDataAuditors = [];
    }
  });
});
