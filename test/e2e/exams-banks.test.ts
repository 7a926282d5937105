// Exams and item banks in Chromium, through the console: an exam created from the SKD preset and one by hand, its
// versions page, a new version (the demo exam's version 1 has attempts and is locked); a bank import refused with
// every bad row shown, then accepted as a new snapshot; the snapshot list; a snapshot previewed in the candidate's
// question component without keys. axe on every page (0 violations), screenshots under __screenshots__/.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BANK_ID, DEMO_EXAM_ID } from '../../functions/local/demo-data.ts';
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

async function expectAccessible(page: Page, name: string) {
  const violations = await audit(page);
  axeReport[name] = violations;
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  await shot(page, `exams-${name}`);
}

beforeAll(async () => {
  browser = await launchChromium();
  await ensureWebBuilt();
  platform = await startLocal({ port: 0, quiet: true, seed: NO_FINISHED });
}, 180_000);

afterAll(async () => {
  console.log(`axe violations (exams and banks): ${JSON.stringify(axeReport)}`);
  await browser?.close();
  await platform?.stop();
});

const GOOD = [
  'id,category,kind,difficulty,stem,options,key,weights',
  'e2e-001,TWK,single,easy,Semboyan negara Indonesia adalah ...,Bhinneka Tunggal Ika | Tut Wuri Handayani | Jalesveva Jayamahe,a,',
  'e2e-002,TKP,weighted,,Atasan meminta laporan mendadak saat Anda cuti ...,menolak | menunda | mengerjakan sebagian | mengerjakan segera | mendelegasikan,,1|2|3|5|4',
].join('\n');
const BROKEN = `${GOOD}\ne2e-003,TWK,single,,Soal tanpa kunci,satu | dua,,\ne2e-004,TKP,weighted,,Bobot salah,satu | dua,,9|1`;

async function login(page: Page) {
  await signInStaff(page, platform.url, platform.demo.admin);
  await page.getByTestId('sessions').waitFor();
}

describe('exams and banks in the console', () => {
  it('creates exams (preset, by hand), makes a version, imports a bank with a problem report, previews it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page);

    // Exams list, then create from the SKD preset.
    await page.getByRole('link', { name: 'Ujian', exact: true }).click();
    await page.getByTestId('exams').waitFor();
    await expect.poll(() => page.locator(`[data-exam="${DEMO_EXAM_ID}"]`).count()).toBe(1);
    const preset = page.getByTestId('exam-preset-form');
    await preset.getByLabel('Kode ujian').fill('skd-e2e');
    await preset.getByLabel('Judul (opsional)').fill('SKD CPNS E2E');
    await expectAccessible(page, 'list');
    await preset.getByRole('button', { name: 'Buat ujian' }).click();
    await page.getByTestId('exam-versions').waitFor();
    await expect.poll(() => page.getByTestId('version-details').textContent()).toContain('110 butir');
    expect(await page.getByTestId('version-details').textContent()).toContain('TWK ≥ 65');
    await expectAccessible(page, 'detail-preset');

    // By hand: two sections from the demo bank, a passing grade.
    await page.goto(`${platform.url}/#/admin/exams`);
    await page.getByLabel('Susun sendiri').check();
    const manual = page.getByTestId('exam-manual-form');
    await manual.getByLabel('Kode ujian').fill('teknis-e2e');
    await manual.getByLabel('Judul', { exact: true }).fill('Kompetensi Teknis E2E');
    await manual.getByLabel('Skema penilaian').selectOption('PPPK');
    await manual.getByLabel('Durasi (menit)').fill('30');
    const s0 = manual.getByTestId('create-section-0');
    await s0.getByLabel('Kode bagian').fill('TEKNIS');
    await s0.getByLabel('Nama bagian').fill('Kompetensi Teknis');
    await s0.getByLabel('Bank soal').fill(DEMO_BANK_ID);
    await s0.getByLabel('Kategori baris 1 bagian TEKNIS').fill('TEKNIS');
    await s0.getByLabel('Jumlah butir baris 1 bagian TEKNIS').fill('5');
    await manual.getByRole('button', { name: 'Tambah jenis formasi' }).click();
    await manual.getByLabel('Jenis formasi baris 1').fill('umum');
    await manual.getByLabel('Keterangan baris 1').fill('Formasi umum');
    await manual.getByLabel('Minimum TEKNIS baris 1').fill('15');
    // a blueprint the bank cannot fill is refused with the catalogue's message
    await s0.getByLabel('Jumlah butir baris 1 bagian TEKNIS').fill('900');
    await manual.getByRole('button', { name: 'Buat ujian' }).click();
    await manual.getByRole('alert').waitFor();
    expect(await manual.getByRole('alert').textContent()).toContain('Bank soal tidak cukup');
    expect(await manual.textContent()).toContain('Bagian TEKNIS, kategori TEKNIS: perlu 900 butir');
    await expectAccessible(page, 'create-manual');
    await s0.getByLabel('Jumlah butir baris 1 bagian TEKNIS').fill('5');
    await manual.getByRole('button', { name: 'Buat ujian' }).click();
    await page.getByTestId('exam-versions').waitFor();
    expect(await page.getByTestId('version-details').textContent()).toContain('TEKNIS ≥ 15');

    // The demo exam: version 1 has attempts only after a start; its session is open, so it is locked already.
    await page.goto(`${platform.url}/#/admin/exams/${DEMO_EXAM_ID}`);
    await page.getByTestId('exam-versions').waitFor();
    expect(await page.locator('[data-version="1"]').textContent()).toContain('Terkunci');
    expect(await page.getByRole('button', { name: 'Ubah versi 1' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Buat versi 2' }).click();
    const form = page.getByTestId('new-definition');
    await form.getByLabel('Judul', { exact: true }).fill('SKD Demo versi 2');
    await form.getByLabel('Durasi (menit)').fill('90');
    await expectAccessible(page, 'new-version-form');
    await form.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
    await page.getByText('Versi 2 dibuat.').waitFor();
    expect(await page.locator('[data-version="2"]').textContent()).toContain('Dapat diubah');
    expect(await page.getByTestId('version-details').textContent()).toContain('90 menit');
    await expectAccessible(page, 'versions');

    // Banks: a broken file lists every bad row and saves nothing; the good one makes a new snapshot.
    await page.getByRole('link', { name: 'Bank soal', exact: true }).click();
    await page.getByTestId('banks').waitFor();
    const upload = page.getByTestId('bank-import');
    await upload.getByLabel('Kode bank').fill('bank-e2e');
    await upload.getByLabel('Berkas CSV atau JSON').setInputFiles({
      name: 'bank.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BROKEN),
    });
    await upload.getByRole('button', { name: 'Unggah' }).click();
    await page.getByTestId('bank-problems').waitFor();
    const rows = await page.getByTestId('bank-problems').locator('tbody tr td.num').allTextContents();
    expect([...new Set(rows)]).toEqual(['4', '5']);
    expect(await page.locator('[data-bank="bank-e2e"]').count()).toBe(0);
    await expectAccessible(page, 'bank-problems');
    await upload.getByLabel('Berkas CSV atau JSON').setInputFiles({
      name: 'bank.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(GOOD),
    });
    await upload.getByRole('button', { name: 'Unggah' }).click();
    await page.getByText('2 butir diimpor ke bank-e2e').waitFor();
    await page.getByTestId('snapshots').waitFor();
    expect(await page.getByTestId('snapshots').textContent()).toContain('impor');
    await expect.poll(() => page.locator('[data-bank="bank-e2e"]').count()).toBe(1);
    await expectAccessible(page, 'banks');

    // Export: both formats download under the bank's name and hold the imported items.
    for (const [name, ext] of [
      ['Ekspor CSV', 'csv'],
      ['Ekspor JSON', 'json'],
    ] as const) {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-bank="bank-e2e"]').getByRole('button', { name }).click(),
      ]);
      expect(file.suggestedFilename()).toBe(`bank-e2e.${ext}`);
      const text = await readFile((await file.path()) as string, 'utf8');
      expect(text).toContain('e2e-001');
      expect(text).toContain('e2e-002');
    }

    // Preview as a candidate sees it: letters, no key; the weighted item's options in bank order.
    await page.getByRole('link', { name: 'Pratinjau bank-e2e' }).click();
    await page.getByTestId('preview-item').waitFor();
    const first = await page.getByTestId('preview-item').textContent();
    expect(first).toContain('Semboyan negara Indonesia');
    expect(await page.getByTestId('preview-item').locator('input[type=radio]').count()).toBe(3);
    expect(await page.getByTestId('preview-item').locator('input[type=radio]:checked').count()).toBe(0);
    await page.getByRole('button', { name: '2', exact: true }).click();
    await page.getByText('Atasan meminta laporan').waitFor();
    await expectAccessible(page, 'preview');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
