// Appeals in Chromium: a candidate who finished files an appeal from the result page, the admin answers it on the
// console's Sanggahan page with a reason, the auditor console lists it with the answer. axe on each screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal } from '../../functions/local/server.ts';
import {
  type AxeViolation,
  audit,
  ensureWebBuilt,
  launchChromium,
  serious,
  shot,
  signInStaff,
} from './helpers.ts';

type Platform = Awaited<ReturnType<typeof startLocal>>;
let platform: Platform;
let browser: Browser;
const axeReport: Record<string, AxeViolation[]> = {};
const TEXT = 'Layar membeku pada soal 37 selama dua menit dan jawaban tidak tersimpan.';

async function expectAccessible(page: Page, name: string) {
  const violations = await audit(page);
  axeReport[name] = violations;
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  expect(serious(violations)).toEqual([]);
}

const post = async (path: string, body: unknown, token?: string) => {
  const res = await fetch(`${platform.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  browser = await launchChromium();
  await ensureWebBuilt();
  platform = await startLocal({ port: 0, quiet: true });
}, 180_000);

afterAll(async () => {
  console.log(`axe violations (appeals): ${JSON.stringify(axeReport, null, 2)}`);
  await browser?.close();
  await platform?.stop();
});

describe('appeals in Chromium', () => {
  it('candidate files from the result page, admin answers with a reason, auditor sees both; axe 0', async () => {
    const c = platform.demo.candidates[3];
    if (!c) throw new Error('demo data needs four candidates');
    // the candidate sat and submitted (through the API: this test is about what follows)
    const login = await post('/api/candidate/login', { regNo: c.regNo, pin: c.pin });
    const { token, attemptId } = login.json as { token: string; attemptId: string };
    expect((await post(`/api/candidate/attempts/${attemptId}/start`, {}, token)).status).toBe(200);
    expect((await post(`/api/candidate/attempts/${attemptId}/submit`, {}, token)).status).toBe(200);

    const cand = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const cpage = await cand.newPage();
    const errors: string[] = [];
    cpage.on('pageerror', (e) => errors.push(e.message));
    await cpage.goto(`${platform.url}/#/`);
    await cpage.getByLabel('Nomor peserta').fill(c.regNo);
    await cpage.getByLabel('PIN sesi (6 digit)').fill(c.pin);
    await cpage.getByRole('button', { name: 'Masuk' }).click();
    const appeal = cpage.getByTestId('appeal');
    await appeal.getByRole('heading', { name: 'Sanggahan (kesalahan sistem)' }).waitFor({ timeout: 30_000 });
    await appeal.getByLabel(/Uraikan kesalahan/).fill(TEXT);
    await expectAccessible(cpage, 'result-appeal-form');
    await appeal.getByRole('button', { name: 'Ajukan sanggahan' }).click();
    await appeal.getByTestId('appeal-status').getByText('Menunggu jawaban').waitFor();
    await shot(cpage, 'appeal-01-candidate-filed');
    await expectAccessible(cpage, 'result-appeal-filed');

    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await staff.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await signInStaff(page, platform.url, platform.demo.admin);
    await page.getByRole('heading', { name: 'Sesi ujian' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Sanggahan' }).click();
    const row = page.locator(`tr[data-appeal="${attemptId}"]`);
    await row.getByText(TEXT).waitFor();
    await expectAccessible(page, 'admin-appeals');
    await row.getByRole('button', { name: 'Tolak' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Alasan/).fill('Log langkah menunjukkan jawaban soal 37 tersimpan pukul 09.12.');
    await dialog.getByRole('button', { name: 'Konfirmasi' }).click();
    await row.getByText('Ditolak').waitFor();
    await row.getByText(/tersimpan pukul 09\.12/).waitFor();
    await shot(page, 'appeal-02-admin-answered');
    await expectAccessible(page, 'admin-appeals-answered');

    const aud = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const apage = await aud.newPage();
    apage.on('pageerror', (e) => errors.push(e.message));
    await signInStaff(apage, platform.url, platform.demo.auditor, '#/auditor');
    const table = apage.getByTestId('auditor-appeals');
    await table.getByText('Ditolak').waitFor({ timeout: 30_000 });
    await table.getByText(TEXT).waitFor();
    await expectAccessible(apage, 'auditor-appeals');
    await shot(apage, 'appeal-03-auditor');
    expect(errors).toEqual([]);
    await Promise.all([cand.close(), staff.close(), aud.close()]);
  }, 180_000);
});
