// A React probe (a .tsx test fixture that mounts hooks and exposes `window.probe`) bundled and loaded in Chromium.
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/helpers.ts';

/** Bundles `entry` (an IIFE, production React) and loads it into a fresh page of a new Chromium. */
export const openProbePage = async (entry: URL): Promise<{ browser: Browser; page: Page }> => {
  const out = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.setContent('<div id="root"></div>');
  await page.addScriptTag({ content: out.outputFiles[0]?.text ?? '' });
  return { browser, page };
};
