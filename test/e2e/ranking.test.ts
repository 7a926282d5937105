// Public ranking page in Chromium: candidates sit the demo exam over HTTP, the admin publishes, and a visitor
// finds a candidate by pseudonym and sees the inclusion proof verified in the page (WebCrypto); an altered
// proof shows as not matching. axe-core on the page; screenshots.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonym } from '../../functions/domain/pseudonym.ts';
import { DEMO_EXAM_ID } from '../../functions/local/demo-data.ts';
import { startLocal } from '../../functions/local/server.ts';
import { audit, ensureWebBuilt, launchChromium, serious, shot, signInStaff } from './helpers.ts';

let platform: Awaited<ReturnType<typeof startLocal>>;
let browser: Browser;

const api = async (method: string, path: string, body?: unknown, token?: string) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
};

const sit = async (i: number, answers: number) => {
  const c = platform.demo.candidates[i];
  if (!c) throw new Error('no candidate');
  const login = await api('POST', '/api/candidate/login', { regNo: c.regNo, pin: c.pin });
  const base = `/api/candidate/attempts/${login.attemptId}`;
  await api('POST', `${base}/start`, {}, login.token);
  const form = await api('GET', `${base}/form`, undefined, login.token);
  const steps = form.items
    .slice(0, answers)
    .map((it: { itemId: string; options: Array<{ id: string }> }, k: number) => ({
      seq: k + 1,
      type: 'answered',
      itemId: it.itemId,
      choice: it.options[k % it.options.length]?.id,
    }));
  await api('PUT', `${base}/answers`, { steps }, login.token);
  await api('POST', `${base}/submit`, {}, login.token);
  return c.regNo;
};

beforeAll(async () => {
  browser = await launchChromium();
  await ensureWebBuilt();
  platform = await startLocal({ port: 0, quiet: true });
  await platform.deps.store.formations.put({
    id: 'F-ANALIS-001',
    position: 'Analis',
    agencyUnit: 'Unit',
    openings: 1,
    formationType: 'umum',
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/**
 * The admin publishes from the exam's console page: yesterday's demo ranking is shown as stale once today's
 * candidates have finished, publishing makes a new version, and the card then says it matches the results.
 */
const publishFromConsole = async () => {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
  ).newPage();
  await signInStaff(page, platform.url, platform.demo.admin);
  await page.getByRole('link', { name: 'Ujian' }).first().waitFor();
  await page.goto(`${platform.url}/#/admin/exams/${DEMO_EXAM_ID}`);
  const card = page.getByTestId('ranking-publication');
  await card.getByTestId('ranking-state').filter({ hasText: 'Hasil telah berubah' }).waitFor();
  await card.getByRole('button', { name: 'Publikasikan ulang (versi baru)' }).click();
  await card.getByRole('status').filter({ hasText: 'Dipublikasikan sebagai versi 2.' }).waitFor();
  await card.getByTestId('ranking-state').filter({ hasText: 'Sesuai hasil saat ini' }).waitFor();
  expect(await card.getByRole('button', { name: 'Publikasikan ulang (versi baru)' }).isDisabled()).toBe(true);
  expect(serious(await audit(page)), 'axe').toEqual([]);
  await shot(page, 'admin-exam-ranking-published');
  await page.context().close();
};

describe('public ranking page', () => {
  it('finds a candidate by pseudonym and shows the inclusion proof verified in the browser', async () => {
    const regNo = await sit(0, 50);
    await sit(1, 30);
    await publishFromConsole();
    const secret = platform.deps.config.publication?.pseudonymSecret ?? '';
    const p = pseudonym(secret, regNo);

    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    ).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.url}/#/ranking/${DEMO_EXAM_ID}`);
    await page.getByRole('heading', { name: 'Hasil seleksi' }).waitFor();
    await page.getByTestId('merkle-root').waitFor();
    expect(await page.getByRole('cell', { name: p }).count()).toBe(1);
    const body = await page.textContent('body');
    expect(body).not.toContain(regNo);

    await page.getByLabel('Pseudonim (16 karakter)').fill(p);
    await page.getByRole('button', { name: 'Cari dan periksa' }).click();
    const status = page.getByTestId('proof-result');
    await status.filter({ hasText: 'Bukti keanggotaan terverifikasi di peramban ini.' }).waitFor();
    expect(await status.textContent()).toContain(p);
    expect(serious(await audit(page)), 'axe').toEqual([]);
    await shot(page, 'ranking-proof-verified');

    // A proof whose row was altered on the way must not verify.
    await page.route('**/proofs/**', async (route) => {
      const res = await route.fetch();
      const proof = await res.json();
      proof.row.total += 5;
      await route.fulfill({ response: res, json: proof });
    });
    await page.getByRole('button', { name: 'Cari dan periksa' }).click();
    await status.filter({ hasText: 'TIDAK cocok' }).waitFor();
    await shot(page, 'ranking-proof-altered');
    expect(errors).toEqual([]);
  }, 120_000);

  it('auditor console: sessions with sealed secrets; a bundle is refused while the session is open', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    ).newPage();
    await signInStaff(page, platform.url, platform.demo.auditor, '#/auditor');
    await page.getByRole('heading', { name: 'Konsol auditor' }).waitFor();
    const table = page.getByTestId('auditor-sessions');
    await table.getByText(platform.demo.sessionId).waitFor();
    expect(await table.getByText('masih tertutup').count()).toBeGreaterThan(0);
    // Commitments are shown whole (an auditor copies them to check the revealed secret), not cut short.
    for (const c of await table.getByTestId('commitment').allTextContents())
      expect(c.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(serious(await audit(page)), 'axe').toEqual([]);
    await page.getByRole('button', { name: 'Buat paket' }).click();
    await page.getByRole('alert').filter({ hasText: 'belum ditutup' }).waitFor();
    await shot(page, 'auditor-console');
  }, 60_000);

  it('live scoreboard: finished attempts by pseudonym, no login, no registration number', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' })
    ).newPage();
    await page.goto(`${platform.url}/#/scoreboard/${platform.demo.sessionId}`);
    await page.getByRole('heading', { name: 'Papan skor langsung' }).waitFor();
    const secret = platform.deps.config.publication?.pseudonymSecret ?? '';
    const table = page.getByTestId('scoreboard');
    for (const c of platform.demo.candidates.slice(0, 2))
      await table.getByText(pseudonym(secret, c.regNo)).waitFor();
    const body = (await page.textContent('body')) ?? '';
    for (const c of platform.demo.candidates) expect(body).not.toContain(c.regNo);
    expect(serious(await audit(page)), 'axe').toEqual([]);
    await shot(page, 'scoreboard');
  }, 60_000);
});
