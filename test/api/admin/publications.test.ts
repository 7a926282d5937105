// The console's view of an exam's SKD ranking publication: none yet, published and current, stale once the
// results move (a candidate finishes after it), current again once republished; reads write nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXAM_ID, DEMO_PSYCH_EXAM_ID } from '../../../functions/local/demo-data.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';
import { firstItems, putFormation, sitAndSubmit } from '../sitting.ts';

let h: ApiHarness;
let admin: string;
const status = async () => {
  const res = await h.call('GET', `/api/admin/publications/${DEMO_EXAM_ID}`, { token: admin });
  expect(res.status).toBe(200);
  return res.json.status;
};

beforeAll(async () => {
  h = await apiHarness(3);
  await putFormation(h);
  admin = await h.loginStaff('admin');
}, 60_000);

describe('GET /api/admin/publications/:examId', () => {
  it('follows the results: none, ready, current, stale after a later finish, current again', async () => {
    expect(await status()).toEqual({ publicationId: DEMO_EXAM_ID, latest: null, rows: 0, upToDate: false });

    await sitAndSubmit(h, 0, firstItems(20));
    expect(await status()).toMatchObject({ latest: null, rows: 1, upToDate: false });

    const first = await h.call('POST', `/api/admin/publications/${DEMO_EXAM_ID}`, { token: admin, body: {} });
    expect(first.status).toBe(200);
    const v1 = await status();
    expect(v1).toEqual({
      publicationId: DEMO_EXAM_ID,
      latest: {
        version: 1,
        publishedAt: first.json.publication.publishedAt,
        root: first.json.publication.root,
        size: 1,
      },
      rows: 1,
      upToDate: true,
    });

    await sitAndSubmit(h, 1, firstItems(30));
    expect(await status()).toMatchObject({ latest: { version: 1, size: 1 }, rows: 2, upToDate: false });
    // reading the status twice publishes nothing
    expect(await status()).toMatchObject({ latest: { version: 1 }, upToDate: false });

    const second = await h.call('POST', `/api/admin/publications/${DEMO_EXAM_ID}`, {
      token: admin,
      body: {},
    });
    expect(second.json.publication).toMatchObject({ version: 2, created: true });
    expect(await status()).toMatchObject({ latest: { version: 2, size: 2 }, rows: 2, upToDate: true });
  }, 60_000);

  it('refuses a psych exam (never published) and an unknown exam with their codes', async () => {
    const psych = await h.call('GET', `/api/admin/publications/${DEMO_PSYCH_EXAM_ID}`, { token: admin });
    expect([psych.status, psych.json.error.code]).toEqual([400, 'VALIDATION']);
    const none = await h.call('GET', '/api/admin/publications/no-such-exam', { token: admin });
    expect([none.status, none.json.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});
