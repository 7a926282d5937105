// Admin flow in Chromium: a session scheduled (API), formations and candidates imported in the console (a broken
// file first: every bad row shown), rosters from the import, PINs released -> printable cards, a candidate signs
// in with a card's PIN and starts, the monitor shows them, the results CSV downloads with a BOM. axe on each page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXAM_ID } from '../../functions/local/demo-data.ts';
import { startLocal } from '../../functions/local/server.ts';
import { type AxeViolation, audit, ensureWebBuilt, launchChromium, serious, shot } from './helpers.ts';

type Platform = Awaited<ReturnType<typeof startLocal>>;
let platform: Platform;
let browser: Browser;
let token = '';
const axeReport: Record<string, AxeViolation[]> = {};
const SESSION = 'E2E-ADMIN-1';

async function expectAccessible(page: Page, name: string) {
  const violations = await audit(page);
  axeReport[name] = violations;
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  expect(serious(violations)).toEqual([]);
}

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
};

beforeAll(async () => {
  browser = await launchChromium();
  await ensureWebBuilt();
  platform = await startLocal({ port: 0, quiet: true });
  const login = await fetch(`${platform.url}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(platform.demo.admin),
  });
  token = ((await login.json()) as { token: string }).token;
}, 180_000);

afterAll(async () => {
  console.log(`axe violations (admin flow): ${JSON.stringify(axeReport, null, 2)}`);
  await browser?.close();
  await platform?.stop();
});

const FORMATIONS =
  '\uFEFFkode_formasi;jabatan;unit_kerja;kebutuhan;jenis_formasi\nF-E2E-1;Analis SDM;Biro Kepegawaian;2;umum\n';
const BROKEN =
  'no_peserta;nama;tanggal_lahir;formasi;pendidikan\nE2E-0001;Ani;31/02/2000;F-E2E-1;S1\nE2E-0002;Budi;01/02/2000;F-NOPE;S1\n';
const CANDIDATES = `no_peserta;nama;tanggal_lahir;formasi;pendidikan;sesi\n${[1, 2, 3]
  .map((i) => `E2E-000${i};Peserta Uji ${i};0${i}/02/2000;F-E2E-1;S1;${SESSION}`)
  .join('\n')}\n`;

describe('admin flow in Chromium', () => {
  it('schedules, imports, releases and prints PINs; a candidate sits; monitor and results CSV show them', async () => {
    const now = Date.now();
    const scheduled = await api('POST', '/api/admin/sessions', {
      id: SESSION,
      examId: DEMO_EXAM_ID,
      title: 'Sesi Uji Admin',
      site: 'Kantor Regional IX Jayapura',
      room: 'Ruang CAT 2',
      timeZone: 'WIT',
      opensAt: now - 60_000,
      closesAt: now + 4 * 3_600_000,
      capacity: 10,
    });
    expect(scheduled.status).toBe(200);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${platform.url}/#/admin`);
    await page.getByLabel('Nama pengguna').fill(platform.demo.admin.username);
    await page.getByLabel('Kata sandi').fill(platform.demo.admin.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByTestId('sessions').waitFor();
    await page.getByRole('link', { name: 'Formasi & peserta' }).click();
    await page.getByRole('heading', { name: 'Formasi dan peserta' }).waitFor();

    const formations = page.getByTestId('import-formations');
    await formations
      .getByLabel('Berkas CSV')
      .setInputFiles({ name: 'formasi.csv', mimeType: 'text/csv', buffer: Buffer.from(FORMATIONS) });
    await formations.getByRole('button', { name: 'Unggah' }).click();
    await formations.getByRole('status').filter({ hasText: '1 formasi tersimpan.' }).waitFor();

    const candidates = page.getByTestId('import-candidates');
    await candidates
      .getByLabel('Berkas CSV')
      .setInputFiles({ name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(BROKEN) });
    await candidates.getByRole('button', { name: 'Unggah' }).click();
    const problems = page.getByTestId('problems-candidates');
    await problems.waitFor();
    expect(await problems.locator('tbody tr').count()).toBe(2);
    await expectAccessible(page, 'admin-registry-problems');
    await shot(page, 'admin-01-registry-problems');

    await candidates
      .getByLabel('Berkas CSV')
      .setInputFiles({ name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(CANDIDATES) });
    await candidates.getByRole('button', { name: 'Unggah' }).click();
    await candidates.getByRole('status').filter({ hasText: '3 peserta tersimpan' }).waitFor();
    await expectAccessible(page, 'admin-registry');
    await shot(page, 'admin-02-registry');

    expect((await api('POST', '/api/admin/rosters/from-import')).json.assigned).toBe(3);

    await page.goto(`${platform.url}/#/admin/sessions`);
    const row = page.getByTestId('sessions').locator('tr', { hasText: 'Sesi Uji Admin' });
    await row.getByText('WIT').first().waitFor();
    await row.getByRole('button', { name: 'Rilis PIN' }).click();
    await page.getByRole('heading', { name: 'Kartu PIN — Sesi Uji Admin' }).waitFor();
    const cards = page.getByTestId('pin-cards').locator('li');
    expect(await cards.count()).toBe(3);
    await expectAccessible(page, 'admin-pin-cards');
    await shot(page, 'admin-03-pin-cards');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'admin-04-pin-cards-print');
    await page.emulateMedia({ media: 'screen' });
    const first = cards.first();
    const regNo = ((await first.locator('dd').nth(0).textContent()) ?? '').trim();
    const pin = ((await first.locator('.pin-card-pin').textContent()) ?? '').trim();
    expect(regNo).toBe('E2E-0001');
    expect(pin).toMatch(/^\d{6}$/);

    // the candidate signs in with the printed PIN and starts
    const cand = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
    const cpage = await cand.newPage();
    await cpage.goto(`${platform.url}/#/`);
    await cpage.getByLabel('Nomor peserta').fill(regNo);
    await cpage.getByLabel('PIN sesi (6 digit)').fill(pin);
    await cpage.getByRole('button', { name: 'Masuk' }).click();
    await cpage.getByRole('button', { name: 'Mulai ujian' }).click();
    await cpage.getByRole('heading', { name: /^Soal 1 dari \d+$/ }).waitFor();

    // the monitor shows them
    await page.goto(`${platform.url}/#/admin/sessions/${SESSION}`);
    await page.locator(`tr[data-regno="${regNo}"]`).waitFor();
    await shot(page, 'admin-05-monitor');

    // finished, the results export opens as CSV with a BOM
    const attempts = await api('GET', `/api/admin/sessions/${SESSION}/attempts`);
    const attemptId = attempts.json.attempts[0].attemptId;
    expect((await api('POST', `/api/admin/attempts/${attemptId}/submit`, { reason: 'uji e2e' })).status).toBe(
      200,
    );
    const csv = await fetch(`${platform.url}/api/admin/sessions/${SESSION}/results?format=csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\n');
    expect(lines[0]).toBe('registration_number,name,formation,TWK,TIU,TKP,total,passed,receipt_hash');
    expect(lines[1]).toMatch(/^E2E-0001,Peserta Uji 1,F-E2E-1,/);
    expect(errors).toEqual([]);
    await cand.close();
    await context.close();
  }, 120_000);
});
