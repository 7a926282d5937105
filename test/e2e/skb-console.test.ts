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

/** An admin call to the API (arranging what a test needs outside the screen it looks at). */
let adminToken: string | undefined;
async function api(method: string, path: string, body?: unknown) {
  if (!adminToken) {
    const login = await fetch(`${platform.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(platform.demo.admin),
    });
    adminToken = ((await login.json()) as { token: string }).token;
  }
  const token = adminToken;
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json();
}

describe('SKB settings while they load', () => {
  it("another exam chosen while the first exam's settings are slow: the late answer never replaces what the admin typed", async () => {
    const other = 'skd-e2e-late';
    await api('POST', '/api/admin/exams', {
      source: 'preset',
      id: other,
      preset: 'SKD',
      bankId: 'demo-bank',
    });
    const base = (await api('GET', `/api/admin/skb/${other}`)).settings;
    await api('PUT', `/api/admin/skb/${other}/settings`, {
      ...base,
      final: { ...base.final, skd: 20, skb: 80 },
    });
    const before = (await api('GET', '/api/admin/skb/skd-demo')).settings;

    const page = await signIn();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // the first exam's settings answer 2.5 s late
    let first = true;
    let lateAnswered = false;
    await page.route(/\/api\/admin\/skb\/[^/]+$/, async (route) => {
      if (!first) return route.continue();
      first = false;
      await new Promise((r) => setTimeout(r, 2_500));
      await route.continue();
      lateAnswered = true;
    });
    await page.getByRole('link', { name: 'SKB & hasil akhir' }).click();
    const exam = page.getByRole('combobox', { name: /^Ujian/ });
    await exam.locator(`option[value="${other}"]`).waitFor({ state: 'attached' });
    const firstChosen = await exam.inputValue();
    const second = firstChosen === other ? 'skd-demo' : other;
    await exam.selectOption(second);
    const form = page.getByTestId('skb-settings');
    await form.waitFor();
    await form.getByLabel('Bobot SKD (%)').fill('35');
    await form.getByLabel('Bobot SKB (%)').fill('65');
    await expect.poll(() => lateAnswered, { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(300);
    expect(await exam.inputValue()).toBe(second);
    expect(await form.getByLabel('Bobot SKD (%)').inputValue()).toBe('35');
    expect(await form.getByLabel('Bobot SKB (%)').inputValue()).toBe('65');

    await form.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByRole('status').filter({ hasText: 'Pengaturan disimpan.' }).waitFor();
    expect((await api('GET', `/api/admin/skb/${second}`)).settings.final).toMatchObject({ skd: 35, skb: 65 });
    // the exam chosen first kept its stored settings
    expect((await api('GET', `/api/admin/skb/${firstChosen}`)).settings).toEqual(
      firstChosen === 'skd-demo' ? before : { ...base, final: { ...base.final, skd: 20, skb: 80 } },
    );
    // put back: the other tests here read the demo's published final ranking
    if (second === 'skd-demo') await api('PUT', '/api/admin/skb/skd-demo/settings', before);
    expect(errors).toEqual([]);
  }, 90_000);
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
