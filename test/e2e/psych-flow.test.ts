// Psych battery in real Chromium: a candidate answers Likert items and types Kraepelin columns by keyboard
// only (a column advances on the server clock), axe at 0 violations on both screens, screenshots; then the
// counted work curve is checked through the admin's psych report.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptIdFor } from '../../functions/domain/seed.ts';
import { startLocal } from '../../functions/local/server.ts';
import {
  type AxeViolation,
  audit,
  ensureWebBuilt,
  launchChromium,
  NO_FINISHED,
  shot,
  signInStaff,
} from './helpers.ts';

type Platform = Awaited<ReturnType<typeof startLocal>>;

let platform: Platform;
let browser: Browser;
const axeReport: Record<string, AxeViolation[]> = {};
const pageErrors: string[] = [];

async function expectNoViolations(page: Page, name: string) {
  const violations = await audit(page);
  axeReport[name] = violations;
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

beforeAll(async () => {
  browser = await launchChromium();
  await ensureWebBuilt();
  platform = await startLocal({ port: 0, quiet: true, seed: NO_FINISHED });
}, 180_000);

afterAll(async () => {
  console.log(`psych axe violations (all impacts): ${JSON.stringify(axeReport)}`);
  await browser?.close();
  await platform?.stop();
});

/** Reads "Angka terakhir dari a + b" and types the right last digit (or a wrong one). */
async function typeEntry(page: Page, right: boolean) {
  const label = (await page.locator('label[for="kr-input"]').textContent()) ?? '';
  const m = label.match(/(\d) \+ (\d)/);
  if (!m) throw new Error(`no pair in label: ${label}`);
  const sum = (Number(m[1]) + Number(m[2])) % 10;
  await page.keyboard.press(String(right ? sum : (sum + 1) % 10));
}

describe('psych battery in Chromium', () => {
  it('Likert by keyboard, Kraepelin by keyboard across a column change, both screens accessible', async () => {
    const candidate = platform.demo.psych.candidates[0];
    if (!candidate) throw new Error('demo data has no psych candidates');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${platform.url}/#/`);
    await page.getByLabel('Nomor peserta').fill(candidate.regNo);
    await page.getByLabel('PIN sesi (6 digit)').fill(candidate.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Mulai ujian' }).click();
    await page.getByRole('heading', { name: /^Soal 1 dari 51$/ }).waitFor();

    // Likert: answer items 1–3 with the digit shortcuts (4, 2, 5), moving on with N.
    for (const [n, key] of [
      [1, '4'],
      [2, '2'],
      [3, '5'],
    ] as const) {
      await page.getByRole('heading', { name: new RegExp(`^Soal ${n} dari`) }).waitFor();
      await page.keyboard.press(key);
      await page.locator(`input[type="radio"][value="${key}"]`).first().waitFor({ state: 'attached' });
      expect(await page.locator(`input[type="radio"][value="${key}"]`).isChecked()).toBe(true);
      if (n < 3) await page.keyboard.press('n');
    }
    // Items 4–50 by keyboard too (a fixed pattern of ratings), so every factor is scored.
    for (let n = 4; n <= 50; n++) {
      await page.keyboard.press('n');
      await page.getByRole('heading', { name: new RegExp(`^Soal ${n} dari`) }).waitFor();
      await page.keyboard.press(String(((n * 3) % 5) + 1));
    }
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
    await page.getByText(/International Personality Item Pool/).waitFor();
    await expectNoViolations(page, 'likert');
    await shot(page, 'psych-01-likert');

    // Kraepelin: go to the last item, start the sheet with the keyboard.
    await page.getByRole('button', { name: /^Soal 51,/ }).click();
    await page.locator('#kr-heading').waitFor();
    await page.getByRole('button', { name: 'Mulai tes Kraepelin' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Lajur 1 dari 10').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kr-input');

    // Column 1: four right, one wrong, one right.
    for (const right of [true, true, true, true, false, true]) await typeEntry(page, right);
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
    await expectNoViolations(page, 'kraepelin');
    await shot(page, 'psych-02-kraepelin');

    // The column closes on its own (15 s from the server's start); type three right in column 2.
    await page.getByText('Lajur 2 dari 10').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kr-input');
    for (let i = 0; i < 3; i++) await typeEntry(page, true);
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
    await shot(page, 'psych-03-kraepelin-column2');

    // What the server counted: the admin's psych report for this attempt.
    const api = async (method: string, path: string, body?: unknown, token?: string) => {
      const res = await fetch(`${platform.url}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: await res.json() };
    };
    const admin = await api('POST', '/api/admin/login', {
      username: platform.demo.admin.username,
      password: platform.demo.admin.password,
    });
    const attemptId = attemptIdFor(
      platform.deps.config.pinPepper,
      platform.demo.psych.sessionId,
      candidate.regNo,
    );
    const report = await api(
      'GET',
      `/api/admin/attempts/${attemptId}/psych-report`,
      undefined,
      admin.json.token,
    );
    expect(report.status).toBe(200);
    expect(report.json.speed[0].curve.slice(0, 3)).toEqual([5, 3, 0]);
    expect(report.json.speed[0].errors.slice(0, 2)).toEqual([1, 0]);

    // Submit, then the candidate's own report: factor chart + work curve (uPlot), printable, accessible.
    await page.getByRole('button', { name: 'Selesai ujian' }).click();
    await page
      .getByRole('dialog', { name: 'Akhiri ujian?' })
      .getByRole('button', { name: 'Ya, akhiri ujian' })
      .click();
    await page.getByRole('button', { name: 'Lihat laporan psikologi' }).click();
    await page.getByRole('heading', { name: 'Laporan Tes Psikologi' }).waitFor();
    await page.getByRole('img', { name: 'Grafik jawaban benar per lajur' }).locator('canvas').waitFor();
    expect(
      await page
        .getByRole('img', { name: /per faktor/ })
        .locator('canvas')
        .count(),
    ).toBe(1);
    // All 50 answered: five valid factors, in item order (extraversion first), no "invalid" row.
    expect(await page.getByText(/Tidak sah/).count()).toBe(0);
    expect(await page.locator('.psych-report tbody th[scope="row"]').first().textContent()).toBe(
      'Ekstraversi',
    );
    await expectNoViolations(page, 'report');
    await shot(page, 'psych-04-report');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'psych-05-report-print');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('staff psych report: admin and auditor open any candidate report (charts, A4 print); a proctor is refused', async () => {
    const candidate = platform.demo.psych.candidates[0];
    if (!candidate) throw new Error('demo data has no psych candidates');
    const staffPage = async (path: string, who: { username: string; password: string }, heading: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await signInStaff(page, platform.url, who, path);
      await page.getByRole('heading', { name: heading }).waitFor();
      return { page, context };
    };

    // Admin: the console's navigation -> the list of psych exams and finished candidates -> one report.
    const admin = await staffPage('#/admin', platform.demo.admin, 'Sesi ujian');
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Laporan psikologi' }).click();
    await admin.page.getByRole('heading', { name: 'Laporan psikologi', level: 1 }).waitFor();
    await admin.page.getByRole('link', { name: `Buka laporan ${candidate.regNo}` }).waitFor();
    // Norm settings: a bad CSV is refused line by line, then an imported table becomes the report's norms.
    await admin.page.getByLabel('Tabel norma impor (CSV)').check();
    await admin.page.getByLabel('Keterangan tabel (mis. sumber dan tahun)').fill('Norma uji e2e 2026');
    await admin.page
      .getByLabel('Tabel norma (CSV)')
      .fill('instrument,measure,mean,sd\nmbti,extraversion,30,5');
    await admin.page.getByLabel('Alasan perubahan').fill('impor norma uji');
    await admin.page.getByRole('button', { name: 'Simpan norma' }).click();
    await admin.page
      .locator('.field-errors')
      .getByText(/line 2/)
      .waitFor();
    await admin.page
      .getByLabel('Tabel norma (CSV)')
      .fill(
        'instrument,measure,mean,sd,p10,p50,p90\nbig5,extraversion,30,5,24,30,37\nkraepelin,panker,4,2,,,',
      );
    await admin.page.getByRole('button', { name: 'Simpan norma' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'Norma disimpan' }).waitFor();
    await expectNoViolations(admin.page, 'staff-psych-index');
    await shot(admin.page, 'psych-06-staff-index');
    await admin.page.getByRole('link', { name: `Buka laporan ${candidate.regNo}` }).click();
    await admin.page.getByRole('heading', { name: 'Laporan Tes Psikologi' }).waitFor();
    await admin.page.getByRole('img', { name: 'Grafik jawaban benar per lajur' }).locator('canvas').waitFor();
    expect(
      await admin.page
        .getByRole('img', { name: /per faktor/ })
        .locator('canvas')
        .count(),
    ).toBe(1);
    expect(await admin.page.getByTestId('psych-regno').textContent()).toBe(candidate.regNo);
    expect(await admin.page.getByTestId('norm-group').textContent()).toMatch(
      /tabel norma impor "Norma uji e2e 2026".*rendah bila T < 40/,
    );
    await expectNoViolations(admin.page, 'staff-psych-report');
    await shot(admin.page, 'psych-07-staff-report');
    // On paper: A4, without the console's bar and navigation.
    await admin.page.emulateMedia({ media: 'print' });
    expect(await admin.page.locator('.staff-nav').isVisible()).toBe(false);
    await shot(admin.page, 'psych-08-staff-report-print');
    const pdf = await admin.page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    console.log(`staff psych report: ${pages} A4 page(s), ${pdf.length} bytes`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    await admin.context.close();

    // Auditor: the same report through the auditor API, in English.
    const attemptId = attemptIdFor(
      platform.deps.config.pinPepper,
      platform.demo.psych.sessionId,
      candidate.regNo,
    );
    const auditor = await staffPage('#/auditor', platform.demo.auditor, 'Konsol auditor');
    await auditor.page.goto(`${platform.url}/#/psych/${attemptId}`);
    await auditor.page.getByRole('heading', { name: 'Laporan Tes Psikologi' }).waitFor();
    await auditor.page.getByRole('button', { name: 'EN', exact: true }).click();
    await auditor.page.getByRole('heading', { name: 'Psychological test report' }).waitFor();
    await auditor.page
      .getByRole('img', { name: 'Chart of correct answers per column' })
      .locator('canvas')
      .waitFor();
    await expectNoViolations(auditor.page, 'staff-psych-report-auditor-en');
    await shot(auditor.page, 'psych-09-staff-report-auditor-en');
    await auditor.context.close();

    // A proctor reaches the screen but not the report: the server refuses (403), no chart is drawn.
    const proctor = await staffPage('#/admin', platform.demo.proctor, 'Sesi ujian');
    await proctor.page.goto(`${platform.url}/#/psych/${attemptId}`);
    await proctor.page.getByRole('alert').waitFor();
    expect(await proctor.page.locator('canvas').count()).toBe(0);
    expect(
      await proctor.page.getByRole('navigation').getByRole('link', { name: 'Laporan psikologi' }).count(),
    ).toBe(0);
    await shot(proctor.page, 'psych-10-staff-report-proctor');
    await proctor.context.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
