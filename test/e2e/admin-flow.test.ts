// Admin flow in Chromium, all through the console: a proctor account created; a session scheduled in WIT (the form
// reads times in the site's zone) and an overlapping one; formations and candidates imported (a broken file first:
// every bad row shown; the import's phases); rosters from the import; overbooking and an overlap refused with
// bilingual reasons; the overlapping session cancelled with a reason; a proctor assigned; PINs released -> printable
// A4 cards; one PIN regenerated; a candidate signs in with a card's PIN and sits the exam; the monitor shows them;
// results (per session and per formation) and item statistics pages; both CSVs download with a BOM; the proctor's
// password is reset, they sign in with the new one and see only their session; once disabled their open token is
// refused; the audit log shows the day's chain intact. axe on every page.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXAM_ID } from '../../functions/local/demo-data.ts';
import { startLocal } from '../../functions/local/server.ts';
import { toZoneInput } from '../../web/admin/zone.ts';
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
let token = '';
const axeReport: Record<string, AxeViolation[]> = {};
const SESSION = 'E2E-ADMIN-1';
const OVERLAP = 'E2E-ADMIN-2';
const PROCTOR = { username: 'pengawas-e2e', password: 'sandi-pengawas-e2e-1' };

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
  .join('\n')}\nE2E-0004;Peserta Uji 4;04/02/2000;F-E2E-1;S1;\n`;

async function login(page: Page, who: { username: string; password: string }) {
  await signInStaff(page, platform.url, who);
  await page.getByTestId('sessions').waitFor();
}

describe('admin flow in Chromium', () => {
  it('schedules, imports, assigns, releases and prints PINs; a candidate sits; monitor, results and CSV show them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await login(page, platform.demo.admin);

    // staff: a proctor account
    await page
      .getByRole('navigation', { name: 'Navigasi konsol staf' })
      .getByRole('link', { name: 'Akun staf' })
      .click();
    await page.getByRole('heading', { name: 'Buat akun' }).waitFor();
    await page.getByLabel('Nama pengguna').fill(PROCTOR.username);
    await page.getByLabel('Nama lengkap').fill('Pengawas Uji E2E');
    await page.getByLabel('Peran').selectOption('proctor');
    await page.getByLabel('Kata sandi awal (min. 12 karakter)').fill(PROCTOR.password);
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByTestId('staff').locator(`tr[data-user="${PROCTOR.username}"]`).waitFor();
    await expectAccessible(page, 'admin-staff');
    await shot(page, 'admin-00-staff');

    // sessions: schedule one in WIT through the form (times typed in WIT), opening a minute ago
    const now = Date.now();
    const opens = toZoneInput(now - 120_000, 'WIT');
    const closes = toZoneInput(now + 4 * 3_600_000, 'WIT');
    await page.getByRole('link', { name: 'Sesi', exact: true }).click();
    await page.getByRole('button', { name: 'Jadwalkan sesi' }).click();
    const form = page.getByTestId('session-form');
    await form.getByLabel('Ujian (versi yang berlaku)').selectOption(DEMO_EXAM_ID);
    await form.getByLabel('ID sesi (opsional)').fill(SESSION);
    await form.getByLabel('Nama sesi').fill('Sesi Uji Admin');
    await form.getByLabel('Lokasi', { exact: true }).fill('Kantor Regional IX Jayapura');
    await form.getByLabel('Ruang', { exact: true }).fill('Ruang CAT 2');
    await form.getByLabel('Zona waktu lokasi').selectOption('WIT');
    await form.getByLabel('Kapasitas (kursi)').fill('3');
    await form.getByLabel('Dibuka (WIT)').fill(opens);
    await form.getByLabel('Ditutup (WIT)').fill(closes);
    await expectAccessible(page, 'admin-schedule-form');
    await shot(page, 'admin-01-schedule-form');
    await form.getByRole('button', { name: 'Jadwalkan' }).click();
    await page.getByRole('status').filter({ hasText: 'Sesi "Sesi Uji Admin" tersimpan.' }).waitFor();
    const stored = (await api('GET', '/api/admin/sessions')).json.sessions.find(
      (s: { id: string }) => s.id === SESSION,
    );
    // the WIT wall clock typed is the instant stored (minute precision)
    expect(stored).toMatchObject({ timeZone: 'WIT', capacity: 3, room: 'Ruang CAT 2' });
    expect(Math.abs(stored.opensAt - (now - 120_000))).toBeLessThan(60_000);
    const row = page.getByTestId('sessions').locator(`tr[data-session="${SESSION}"]`);
    await row.getByText(`${opens.replace('T', ' ')} WIT`, { exact: false }).waitFor();
    // a second session in the same hours (for the overlap refusal), scheduled through the API
    expect(
      (
        await api('POST', '/api/admin/sessions', {
          id: OVERLAP,
          examId: DEMO_EXAM_ID,
          title: 'Sesi Bentrok',
          site: 'Kantor Regional IX Jayapura',
          room: 'Ruang CAT 3',
          timeZone: 'WIT',
          opensAt: now + 3_600_000,
          closesAt: now + 5 * 3_600_000,
          capacity: 10,
        })
      ).status,
    ).toBe(200);

    // registry: formations, a broken candidate file (every bad row), then the good one with its phases
    await page.getByRole('link', { name: 'Formasi & peserta' }).click();
    await page.getByRole('heading', { name: 'Formasi dan peserta' }).waitFor();
    const formations = page.getByTestId('import-formations');
    await formations
      .getByLabel('Berkas CSV')
      .setInputFiles({ name: 'formasi.csv', mimeType: 'text/csv', buffer: Buffer.from(FORMATIONS) });
    await formations.getByRole('button', { name: 'Unggah' }).click();
    await formations.getByRole('status').filter({ hasText: '1 formasi tersimpan.' }).waitFor();
    await page.getByTestId('formations').locator('tr[data-formation="F-E2E-1"]').waitFor();

    const candidates = page.getByTestId('import-candidates');
    await candidates
      .getByLabel('Berkas CSV')
      .setInputFiles({ name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(BROKEN) });
    await candidates.getByRole('button', { name: 'Unggah' }).click();
    const problems = page.getByTestId('problems-candidates');
    await problems.waitFor();
    expect(await problems.locator('tbody tr').count()).toBe(2);
    await expectAccessible(page, 'admin-registry-problems');
    await shot(page, 'admin-02-registry-problems');

    await candidates
      .getByLabel('Berkas CSV')
      .setInputFiles({ name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(CANDIDATES) });
    await candidates.getByRole('button', { name: 'Unggah' }).click();
    await candidates.getByRole('status').filter({ hasText: '4 peserta tersimpan' }).waitFor();
    await page.getByRole('heading', { name: 'Peserta terdaftar (4)' }).waitFor();
    await page.getByRole('button', { name: 'Tempatkan sesuai berkas impor' }).click();
    await page.getByRole('status').filter({ hasText: '3 peserta ditempatkan.' }).waitFor();
    await expectAccessible(page, 'admin-registry');
    await shot(page, 'admin-03-registry');

    // roster: overbooking refused (capacity 3), an overlap refused; each reason said in the UI language
    await page.goto(`${platform.url}/#/admin/sessions/${SESSION}/roster`);
    await page.getByTestId('roster').locator('tbody tr').nth(2).waitFor();
    await page.getByLabel('Nomor peserta').fill('E2E-0004');
    await page.getByRole('button', { name: 'Tambahkan' }).click();
    await page.getByTestId('refusals').getByText(`Sesi ${SESSION} penuh`).waitFor();
    await page.goto(`${platform.url}/#/admin/sessions/${OVERLAP}/roster`);
    await page.getByRole('heading', { name: 'Daftar peserta — Sesi Bentrok' }).waitFor();
    await page.getByLabel('Nomor peserta').fill('E2E-0001');
    await page.getByRole('button', { name: 'Tambahkan' }).click();
    await page
      .getByTestId('refusals')
      .getByText(`E2E-0001 sudah terdaftar di sesi ${SESSION} yang waktunya bentrok.`)
      .waitFor();
    await expectAccessible(page, 'admin-roster-refused');
    await shot(page, 'admin-04-roster-refused');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page
      .getByTestId('refusals')
      .getByText(`E2E-0001 is already on session ${SESSION}, whose window overlaps.`)
      .waitFor();
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    // sessions: edit the overlapping one before it opens, then cancel it with a reason; assign the proctor to ours
    await page.goto(`${platform.url}/#/admin/sessions`);
    const other = page.getByTestId('sessions').locator(`tr[data-session="${OVERLAP}"]`);
    expect(await row.getByRole('button', { name: 'Ubah' }).count()).toBe(0); // ours has opened: no edits
    await other.getByRole('button', { name: 'Ubah' }).click();
    const edit = page.getByTestId('session-form');
    expect(await edit.getByLabel('Dibuka (WIT)').inputValue()).toBe(toZoneInput(now + 3_600_000, 'WIT'));
    await edit.getByLabel('Kapasitas (kursi)').fill('12');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await other.locator('td.num').filter({ hasText: /^12$/ }).waitFor();
    await other.getByRole('button', { name: 'Batalkan' }).click();
    const cancelDialog = page.getByRole('dialog', { name: 'Batalkan sesi "Sesi Bentrok"' });
    await cancelDialog.getByLabel(/^Alasan/).fill('ruang dipakai untuk sesi lain');
    await expectAccessible(page, 'admin-cancel-dialog');
    await cancelDialog.getByRole('button', { name: 'Batalkan sesi' }).click();
    await other.getByText('ruang dipakai untuk sesi lain').waitFor();
    await row.getByRole('button', { name: 'Pengawas' }).click();
    const proctors = page.getByRole('dialog', { name: 'Pengawas sesi "Sesi Uji Admin"' });
    await proctors.getByLabel(/Pengawas Uji E2E/).check();
    await proctors.getByRole('button', { name: 'Simpan penugasan' }).click();
    await row.getByText(`Pengawas: ${PROCTOR.username}`).waitFor();
    await expectAccessible(page, 'admin-sessions');
    await shot(page, 'admin-05-sessions');

    // PINs: release -> printable cards
    await row.getByRole('button', { name: 'Rilis PIN' }).click();
    await page.getByRole('heading', { name: 'Kartu PIN — Sesi Uji Admin' }).waitFor();
    const cards = page.getByTestId('pin-cards').locator('li');
    expect(await cards.count()).toBe(3);
    await expectAccessible(page, 'admin-pin-cards');
    await shot(page, 'admin-06-pin-cards');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'admin-07-pin-cards-print');
    // on paper: no navigation, two cards a row
    expect(await page.getByRole('navigation', { name: 'Navigasi konsol staf' }).isVisible()).toBe(false);
    const [a, b] = await Promise.all([cards.nth(0).boundingBox(), cards.nth(1).boundingBox()]);
    expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    const first = cards.first();
    const regNo = ((await first.locator('dd').nth(0).textContent()) ?? '').trim();
    const pin = ((await first.locator('.pin-card-pin').textContent()) ?? '').trim();
    expect(regNo).toBe('E2E-0001');
    expect(pin).toMatch(/^\d{6}$/);

    // a lost card: a new PIN for E2E-0002, shown on its card
    await page.goto(`${platform.url}/#/admin/sessions/${SESSION}/roster`);
    await page
      .getByTestId('roster')
      .locator('tr[data-regno="E2E-0002"]')
      .getByRole('button', { name: 'PIN baru' })
      .click();
    const renew = page.getByRole('dialog', { name: 'PIN baru untuk E2E-0002 (Peserta Uji 2)' });
    await renew.getByLabel(/^Alasan/).fill('kartu hilang');
    await renew.getByRole('button', { name: 'Buat PIN baru' }).click();
    await page.getByRole('heading', { name: 'Kartu PIN — Sesi Uji Admin' }).waitFor();
    expect(await page.getByTestId('pin-cards').locator('li').filter({ hasText: 'E2E-0002' }).count()).toBe(1);

    // the candidate signs in with the printed PIN, starts and answers
    const cand = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
    const cpage = await cand.newPage();
    await cpage.goto(`${platform.url}/#/`);
    await cpage.getByLabel('Nomor peserta').fill(regNo);
    await cpage.getByLabel('PIN sesi (6 digit)').fill(pin);
    await cpage.getByRole('button', { name: 'Masuk' }).click();
    await cpage.getByRole('button', { name: 'Mulai ujian' }).click();
    await cpage.getByRole('heading', { name: /^Soal 1 dari \d+$/ }).waitFor();
    await cpage.locator('.option').first().click();
    await cpage.locator('[data-testid="save-status"][data-status="saved"]').waitFor();

    // the monitor shows them
    await page.goto(`${platform.url}/#/admin/sessions/${SESSION}`);
    // the room monitor: the sitting candidate running, the other two rostered ones absent
    const sitting = page.locator(`tr[data-regno="${regNo}"][data-state="running"]`);
    // Its save came seconds after the start: no progress write in an attempt's first minute (the start spike's
    // minute on exam day, services/room-progress.ts), so no answered count yet.
    await sitting.getByTestId('answered').filter({ hasText: /^—$/ }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Terjawab' }).getAttribute('title')).toBe(
      'Dicatat paling banyak sekali per menit, mulai satu menit setelah peserta mulai.',
    );
    await page.locator('tr[data-regno="E2E-0002"][data-state="absent"]').waitFor();
    await page.locator('tr[data-regno="E2E-0003"][data-state="absent"]').waitFor();
    await expectAccessible(page, 'admin-room-monitor');
    await shot(page, 'admin-08-monitor');

    // the candidate finishes
    await cpage.getByRole('button', { name: 'Selesai ujian' }).click();
    await cpage
      .getByRole('dialog', { name: 'Akhiri ujian?' })
      .getByRole('button', { name: 'Ya, akhiri ujian' })
      .click();
    await cpage.getByTestId('result').waitFor();

    // results: the table, item statistics, and the CSV download (UTF-8 with BOM)
    await page.goto(`${platform.url}/#/admin/sessions/${SESSION}/results`);
    const results = page.getByTestId('results');
    await results.locator('tbody tr').filter({ hasText: 'E2E-0001' }).waitFor();
    await expectAccessible(page, 'admin-results');
    await shot(page, 'admin-09-results');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`hasil-${SESSION}.csv`);
    const bytes = new Uint8Array(await readFile((await download.path()) as string));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\n');
    expect(lines[0]).toBe('registration_number,name,formation,TWK,TIU,TKP,total,passed,receipt_hash');
    expect(lines[1]).toMatch(/^E2E-0001,Peserta Uji 1,F-E2E-1,/);
    // the same result under its formation
    await results.getByRole('link', { name: 'F-E2E-1' }).click();
    await page.getByRole('heading', { name: 'Hasil formasi F-E2E-1' }).waitFor();
    await page.getByTestId('results').locator('tbody tr').filter({ hasText: 'E2E-0001' }).waitFor();
    await expectAccessible(page, 'admin-formation-results');
    await page.goBack();
    await page.getByRole('link', { name: 'Statistik butir' }).click();
    await page.getByTestId('item-stats').locator('tbody tr').first().waitFor();
    await expectAccessible(page, 'admin-item-stats');
    await shot(page, 'admin-10-item-stats');
    const [itemsCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(itemsCsv.suggestedFilename()).toBe(`statistik-butir-${SESSION}.csv`);
    const itemBytes = new Uint8Array(await readFile((await itemsCsv.path()) as string));
    expect([...itemBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(itemBytes.slice(3)).split('\n')[0]).toMatch(
      /^section,item,served,p,point_biserial,/,
    );

    // the proctor forgot their password: the admin sets a new one (with a reason)
    await page.goto(`${platform.url}/#/admin/staff`);
    await page
      .getByTestId('staff')
      .locator(`tr[data-user="${PROCTOR.username}"]`)
      .getByRole('button', { name: 'Atur ulang kata sandi' })
      .click();
    const reset = page.getByRole('dialog', { name: `Kata sandi baru untuk ${PROCTOR.username}` });
    PROCTOR.password = 'sandi-baru-pengawas-2';
    await reset.getByLabel('Kata sandi baru (min. 12 karakter)').fill(PROCTOR.password);
    await reset.getByLabel(/^Alasan/).fill('lupa kata sandi');
    await expectAccessible(page, 'admin-password-dialog');
    await reset.getByRole('button', { name: 'Konfirmasi' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Kata sandi ${PROCTOR.username} diganti.` })
      .waitFor();

    // the proctor sees only their session and no admin screens; disabled, their open token is refused
    const pctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
    const ppage = await pctx.newPage();
    await login(ppage, PROCTOR);
    expect(await ppage.getByTestId('sessions').locator('tbody tr').count()).toBe(1);
    await ppage.getByTestId('sessions').locator(`tr[data-session="${SESSION}"]`).waitFor();
    expect(await ppage.getByRole('link', { name: 'Akun staf' }).count()).toBe(0);
    await page.goto(`${platform.url}/#/admin/staff`);
    await page
      .getByTestId('staff')
      .locator(`tr[data-user="${PROCTOR.username}"]`)
      .getByRole('button', { name: 'Nonaktifkan' })
      .click();
    const disable = page.getByRole('dialog', { name: /^Nonaktifkan akun pengawas-e2e/ });
    await disable.getByLabel(/^Alasan/).fill('tugas selesai');
    await disable.getByRole('button', { name: 'Konfirmasi' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Akun ${PROCTOR.username} dinonaktifkan.` })
      .waitFor();
    await ppage.getByRole('button', { name: 'Muat ulang' }).click();
    await ppage.getByLabel('Nama pengguna').waitFor();
    expect(ppage.url()).toMatch(/#\/admin$/);

    // the audit log of today (UTC) shows the last action with its reason, and the chain verdict
    await page.getByRole('link', { name: 'Log audit' }).click();
    await page
      .getByTestId('audit-verdict')
      .filter({ hasText: /^Rantai hash utuh: \d+ entri/ })
      .waitFor();
    await page
      .getByTestId('audit-log')
      .locator('tr', { hasText: 'staff.disable' })
      .getByText('tugas selesai')
      .waitFor();
    await expectAccessible(page, 'admin-audit-log');
    await shot(page, 'admin-11-audit-log');

    expect(errors).toEqual([]);
    await pctx.close();
    await cand.close();
    await context.close();
  }, 300_000);

  it('a session scheduled while the exam list is still loading goes to the exam its form shows', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // the exam list answers only when the test says so
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/api/admin/exams', async (route) => {
      await held;
      await route.continue();
    });
    await login(page, platform.demo.admin);
    await page.getByRole('button', { name: 'Jadwalkan sesi' }).click();
    const form = page.getByTestId('session-form');
    const exam = form.getByLabel('Ujian (versi yang berlaku)');
    expect(await exam.locator('option').count()).toBe(0);
    await form.getByLabel('Nama sesi').fill('Sesi Uji Muat Lambat');
    await form.getByLabel('Lokasi', { exact: true }).fill('Kantor Pusat');
    await form.getByLabel('Ruang', { exact: true }).fill('Ruang Lambat');
    const submit = form.getByRole('button', { name: 'Jadwalkan' });
    expect(await submit.isDisabled()).toBe(true);
    release();
    await exam.locator('option').first().waitFor({ state: 'attached' });
    const shown = await exam.inputValue();
    expect(shown).toBe(await exam.locator('option').first().getAttribute('value'));
    await submit.click();
    await page.getByRole('status').filter({ hasText: 'Sesi "Sesi Uji Muat Lambat" tersimpan.' }).waitFor();
    const made = (await api('GET', '/api/admin/sessions')).json.sessions.find(
      (s: { title: string }) => s.title === 'Sesi Uji Muat Lambat',
    );
    expect(made).toMatchObject({ examId: shown, room: 'Ruang Lambat' });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
