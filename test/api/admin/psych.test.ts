// Staff psych routes (admin and auditor apps): psych exams, their finished candidates and each report; the
// role matrix (proctor, candidates, anonymous refused) and a non-psych exam.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXAM_ID, DEMO_PSYCH_EXAM_ID } from '../../../functions/local/demo-data.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';
import { sitAndSubmit } from '../sitting.ts';

let h: ApiHarness;
let attemptId: string;
let regNo: string;
let candidateToken: string;

beforeAll(async () => {
  h = await apiHarness(1);
  ({ attemptId, regNo, token: candidateToken } = await sitAndSubmit(h, { psych: 1 }, () => []));
});

describe.each(['admin', 'auditor'] as const)('%s', (role) => {
  let token: string;
  beforeAll(async () => {
    token = await h.loginStaff(role);
  });
  it('lists the psych exams and their finished candidates, and opens a report', async () => {
    const exams = await h.call('GET', `/api/${role}/psych/exams`, { token });
    expect(exams.status).toBe(200);
    expect(exams.json.exams.map((e: { id: string }) => e.id)).toEqual([DEMO_PSYCH_EXAM_ID]);
    const list = await h.call('GET', `/api/${role}/psych/exams/${DEMO_PSYCH_EXAM_ID}/attempts`, { token });
    expect(list.status).toBe(200);
    expect(list.json.attempts).toEqual([
      expect.objectContaining({ attemptId, regNo, state: 'submitted', submittedAt: expect.any(Number) }),
    ]);
    const report = await h.call('GET', `/api/${role}/attempts/${attemptId}/psych-report`, { token });
    expect(report.status).toBe(200);
    expect(report.json).toMatchObject({ attemptId, confidential: true });
  });
  it('a non-psych exam is 404', async () => {
    const res = await h.call('GET', `/api/${role}/psych/exams/${DEMO_EXAM_ID}/attempts`, { token });
    expect(res.status).toBe(404);
  });
});

describe('refused', () => {
  const routes = (app: 'admin' | 'auditor') => [
    `/api/${app}/psych/exams`,
    `/api/${app}/psych/exams/${DEMO_PSYCH_EXAM_ID}/attempts`,
    `/api/${app}/attempts/${attemptId}/psych-report`,
  ];
  it('proctors (admin app), the auditor on the admin app and the admin on the auditor app', async () => {
    const proctor = await h.loginStaff('proctor');
    const admin = await h.loginStaff('admin');
    const auditor = await h.loginStaff('auditor');
    for (const path of routes('admin')) {
      expect((await h.call('GET', path, { token: proctor })).status, path).toBe(403);
      expect((await h.call('GET', path, { token: auditor })).status, path).toBe(403);
    }
    for (const path of routes('auditor')) {
      expect((await h.call('GET', path, { token: proctor })).status, path).toBe(403);
      expect((await h.call('GET', path, { token: admin })).status, path).toBe(403);
    }
  });
  it('candidates (the report owner too) and anonymous callers', async () => {
    for (const app of ['admin', 'auditor'] as const)
      for (const path of routes(app)) {
        expect((await h.call('GET', path, { token: candidateToken })).status, path).toBe(403);
        expect((await h.call('GET', path, {})).status, path).toBe(401);
      }
  });
});
