// e2e helpers: Chromium launch (DESIGN.md flags), fresh web build, axe-core audit, screenshots.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
export const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(ROOT, 'web');
const DIST_INDEX = join(WEB, 'dist', 'index.html');
const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
export const SHOTS = fileURLToPath(new URL('./__screenshots__/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The e2e tests need it: run \`apt-get install -y chromium\` (never skipped).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const webFresh = (): boolean => {
  const sources = Math.max(newestSourceMtime(WEB), newestSourceMtime(join(ROOT, 'functions', 'schemas')));
  return existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= sources;
};

/** Held while one test process builds web/ (the run's two workers may both ask): its holder's pid inside. */
const BUILD_LOCK = join(ROOT, 'node_modules', '.web-build.lock');

const holderAlive = (): boolean => {
  try {
    process.kill(Number(readFileSync(join(BUILD_LOCK, 'pid'), 'utf8')), 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Builds web/ with Vite when web/dist is missing or older than any source under web/ (or the schemas), one
 * process at a time: the others wait for its build instead of writing web/dist at the same time.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (webFresh()) return;
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    // A lock whose holder died (a run killed mid-build) is taken over; a just-made one may not have its pid yet.
    if (existsSync(join(BUILD_LOCK, 'pid')) && !holderAlive())
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`web build: ${BUILD_LOCK} still held after 170 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    if (webFresh()) return; // built by the process this one waited for
    // A child process with NODE_ENV=production: inside vitest NODE_ENV is "test", which would bundle React's dev build.
    const res = spawnSync(
      process.execPath,
      [VITE_BIN, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production' },
        encoding: 'utf8',
      },
    );
    if (res.status !== 0) throw new Error(`web build failed:\n${res.stdout}\n${res.stderr}`);
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.x A/AA rules and best practices) on the current page. */
export async function audit(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses an injected <script>.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<AxeResults> } }).axe;
    return axe.run(document);
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

export const serious = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/**
 * Signs staff in through the console's form at `path` (`#/admin` for admins and proctors, `#/auditor`); the
 * caller waits for the screen it expects next.
 */
export async function signInStaff(
  page: Page,
  url: string,
  who: { username: string; password: string },
  path = '#/admin',
): Promise<void> {
  await page.goto(`${url}/${path}`);
  await page.getByLabel('Nama pengguna').fill(who.username);
  await page.getByLabel('Kata sandi').fill(who.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** Picks one of a room monitor row's actions ("Jeda", "Akhiri paksa"…) from the row's action menu. */
export async function rowAction(row: Locator, action: string): Promise<void> {
  await row.getByRole('button', { name: /^Tindakan untuk / }).click();
  await row.getByRole('menu').getByRole('menuitem', { name: action, exact: true }).click();
}

/** `fullPage: false` keeps the window's size (a full-page shot resizes it, which closes an open menu). */
export async function shot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Demo seeding without yesterday's finished selection (12 attempts sat through the services, two publications:
 * ≈ 4 s of CPU per server start). For files that never look at formations, results of the closed session or
 * rankings; the full seeding stays covered by test/local/demo/finished.test.ts, test/local/server.test.ts and
 * the e2e files that use it (admin-flow, appeals, ranking, skb-console).
 */
export const NO_FINISHED = { finishedCohort: 0 } as const;
