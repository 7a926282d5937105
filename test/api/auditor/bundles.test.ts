// Auditor bundles end to end: candidates sit the demo exam, the admin publishes, the sessions end, an auditor
// exports the bundle and the offline verifier passes it; refusals for open sessions, personal data, wrong roles.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../functions/domain/verify.ts';
import { DEMO_EXAM_ID } from '../../../functions/local/demo-data.ts';
import { apiHarness } from '../harness.ts';
import { firstItems, putFormation, sitAndSubmit } from '../sitting.ts';

let h: Awaited<ReturnType<typeof apiHarness>>;
const exam = DEMO_EXAM_ID;
const DAY = 24 * 3600_000;

/** Candidate i answers the first n items, item k with its option k (modulo), and submits. */
const sit = (i: number, n: number) =>
  sitAndSubmit(
    h,
    i,
    firstItems(n, (k) => k),
  );

const archiveOf = async (key: string) => {
  const body = await h.store.objects.get(h.store.config.auditBucket, key);
  const archive = JSON.parse(body?.toString('utf8') ?? '{}') as {
    format: string;
    files: Record<string, string>;
  };
  return archive;
};

beforeAll(async () => {
  h = await apiHarness(4);
  await putFormation(h);
  await sit(0, 60);
  await sit(1, 110);
  await sit(2, 20);
  const admin = await h.loginStaff('admin');
  expect((await h.call('POST', `/api/admin/publications/${exam}`, { token: admin })).status).toBe(200);
}, 120_000);

describe('auditor bundles', () => {
  it('refused while a session of the exam may still change (400)', async () => {
    const auditor = await h.loginStaff('auditor');
    const r = await h.call('POST', '/api/auditor/bundles', { token: auditor, body: { examId: exam } });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain('belum ditutup');
  });

  it('after the sessions close: the public bundle verifies offline with zero mismatches', async () => {
    h.advance(31 * DAY);
    const auditor = await h.loginStaff('auditor');
    const r = await h.call('POST', '/api/auditor/bundles', { token: auditor, body: { examId: exam } });
    expect(r.status).toBe(200);
    expect(r.json.bundle).toMatchObject({ kind: 'public', attempts: 3 });
    expect(r.json.bundle.url).toMatch(/^https?:\/\//);
    const archive = await archiveOf(r.json.bundle.key);
    expect(archive.format).toBe('seleksi-audit-bundle/1');
    const report = await verifyBundle({ read: (p) => archive.files[p] });
    expect(report.mismatches).toEqual([]);
    // two sessions of the demo exam: skd-demo-1 (the attempts) and skd-demo-2 (opened later, nobody sat it)
    expect(report.counts).toMatchObject({ sessions: 2, attempts: 3, rows: 3, proofs: 3, signatures: 4 });

    // anonymized: no registration number or name anywhere in the public bundle, and no audit log
    expect(Object.keys(archive.files).some((p) => p.startsWith('audit-log/'))).toBe(false);
    const text = JSON.stringify(archive);
    for (const c of h.demo.candidates) {
      expect(text.includes(c.regNo), c.regNo).toBe(false);
      expect(text.includes(c.name), c.name).toBe(false);
    }
  });

  it('the bundle request is in the admin audit log', async () => {
    const day = new Date(h.now()).toISOString().slice(0, 10);
    const auditor = await h.loginStaff('auditor');
    const log = await h.call('GET', `/api/auditor/audit-log?day=${day}`, { token: auditor });
    expect(log.json.entries.map((e: { action: string }) => e.action)).toContain('bundle.public');
  });

  it('personal bundles: 403 for an auditor not named; named -> registration numbers included, logged', async () => {
    const auditor = await h.loginStaff('auditor');
    const refused = await h.call('POST', '/api/auditor/bundles', {
      token: auditor,
      body: { examId: exam, personal: true },
    });
    expect(refused.status).toBe(403);
    h.deps.config.personalDataAuditors = [h.demo.auditor.username];
    try {
      const r = await h.call('POST', '/api/auditor/bundles', {
        token: auditor,
        body: { examId: exam, personal: true },
      });
      expect(r.status).toBe(200);
      const archive = await archiveOf(r.json.bundle.key);
      expect(JSON.stringify(archive)).toContain(h.demo.candidates[0]?.regNo);
      const report = await verifyBundle({ read: (p) => archive.files[p] });
      expect(report.mismatches).toEqual([]);
      // the admin audit log's days travel whole in the personal bundle, chains verified: the publication and
      // the earlier public bundle request are among them
      const manifest = JSON.parse(archive.files['manifest.json'] ?? '{}');
      expect(manifest.auditDays.length).toBeGreaterThan(0);
      const actions = (manifest.auditDays as string[]).flatMap((d) =>
        JSON.parse(archive.files[`audit-log/${d}.json`] ?? '[]').map((e: { action: string }) => e.action),
      );
      expect(actions).toEqual(expect.arrayContaining(['bundle.public', 'bundle.personal']));
      expect(report.counts.audit).toBe(actions.length);
    } finally {
      h.deps.config.personalDataAuditors = [];
    }
  });

  it('wrong role and bad input', async () => {
    expect((await h.call('POST', '/api/auditor/bundles', { body: { examId: exam } })).status).toBe(401);
    const admin = await h.loginStaff('admin');
    expect(
      (await h.call('POST', '/api/auditor/bundles', { token: admin, body: { examId: exam } })).status,
    ).toBe(403);
    const auditor = await h.loginStaff('auditor');
    for (const body of [{}, { examId: exam, personal: 'yes' }, { examId: exam, extra: 1 }])
      expect((await h.call('POST', '/api/auditor/bundles', { token: auditor, body })).status).toBe(400);
    expect(
      (await h.call('POST', '/api/auditor/bundles', { token: auditor, body: { examId: 'nope' } })).status,
    ).toBe(404);
  });

  it('auditor session list carries commitments and, after the close, the revealed secret', async () => {
    const auditor = await h.loginStaff('auditor');
    const r = await h.call('GET', '/api/auditor/sessions', { token: auditor });
    const s = r.json.sessions.find((x: { id: string }) => x.id === h.demo.sessionId);
    expect(s.secretCommitment).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof s.secret).toBe('string');
  });
});
