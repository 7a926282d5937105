// SKB and regrade console screens in Chromium on the demo data (a finished selection is seeded): the final
// ranking preview, a refused SKB file with every bad row, the regrade screen's refusal of text that is neither
// JSON nor a snapshot id, and the public final ranking page with its weights. axe-core on each; screenshots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal } from '../../functions/local/server.ts';
import { audit, ensureWebBuilt, launchChromium, serious, shot, signInStaff } from './helpers.ts';

let platform: Awaited<ReturnType<typeof startLocal>>;
let browser: Browser;

const signIn = async (): Promise<Page> => {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
  ).newPage();
  await signInStaff(page, platform.url, platform.demo.admin);
  await page.getByRole('link', { name: 'SKB & hasil akhir' }).waitFor();
  return page;
};

beforeAll(async () => {
  browser = await launchChromium();
  await ensureWebBuilt();
  platform = await startLocal({ port: 0, quiet: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('SKB console', () => {
  it('shows the final ranking with SKB and final scores; a broken file lists every bad row', async () => {
    const page = await signIn();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('link', { name: 'SKB & hasil akhir' }).click();
    const table = page.getByTestId('skb-final');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await table.textContent()).toMatch(/SKD26-002\d\d/);
    // the demo's final ranking was published from exactly these rows: current, nothing to publish
    await page.getByTestId('ranking-state').filter({ hasText: 'Sesuai hasil saat ini' }).waitFor();
    expect(await page.getByRole('button', { name: 'Publikasikan peringkat akhir' }).isDisabled()).toBe(true);
    expect(serious(await audit(page)), 'axe').toEqual([]);
    await shot(page, 'skb-console');

    await page.getByLabel('Berkas CSV').setInputFiles({
      name: 'skb.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('no_peserta;cat;wawancara;lainnya\nSKD26-00201;80;70\nXX;101;70;90\n'),
    });
    await page.getByRole('button', { name: 'Unggah' }).click();
    const problems = page.getByTestId('skb-problems');
    await problems.waitFor();
    expect(await problems.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('heading', { name: /^\d+ masalah/ }).waitFor();
    await shot(page, 'skb-console-refused');
    expect(errors).toEqual([]);
  }, 90_000);

  it('the public final ranking states its weights and shows SKB and final columns', async () => {
    const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
    await page.goto(`${platform.url}/#/ranking/${platform.demo.finished?.finalRankingId}`);
    await page.getByTestId('final-note').waitFor();
    expect(await page.getByTestId('final-note').textContent()).toContain('SKD 40 %');
    expect(await page.getByRole('columnheader', { name: 'Nilai akhir' }).count()).toBeGreaterThan(0);
    expect(serious(await audit(page)), 'axe').toEqual([]);
    await shot(page, 'final-ranking-public');
  }, 60_000);
});

describe('regrade console', () => {
  it('refuses text that is neither JSON nor a snapshot id before calling the API', async () => {
    const page = await signIn();
    await page.getByRole('link', { name: 'Koreksi kunci' }).click();
    await page.getByLabel('ID bank soal').fill('demo-bank');
    await page.getByLabel('Alasan').fill('Kunci butir keliru');
    await page.getByLabel('Butir terkoreksi (JSON) atau ID snapshot').fill('{not json');
    await page.getByRole('button', { name: 'Jalankan koreksi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bukan JSON yang valid' }).waitFor();
    expect(serious(await audit(page)), 'axe').toEqual([]);
    await shot(page, 'regrade-console');
  }, 60_000);
});
