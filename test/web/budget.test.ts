// Budgets on the build output (web/dist, rebuilt when stale): what the candidate's exam page loads before it
// runs (entry script, its preloaded chunks, the stylesheet) stays ≤ 150 KB gzip; staff screens and the QR
// library are separate chunks; the service worker precaches the app and caches no API response.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../e2e/helpers.ts';

const DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const BUDGET = 150 * 1024;

const read = (rel: string) => readFileSync(join(DIST, rel.replace(/^\//, '')));

beforeAll(async () => {
  await ensureWebBuilt();
}, 180_000);

describe('candidate exam page budget', () => {
  it('entry JS + preloaded chunks + CSS ≤ 150 KB gzip', () => {
    const html = read('index.html').toString('utf8');
    const assets = [
      ...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g),
      ...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g),
      ...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g),
    ].map((m) => m[1] as string);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    const sizes = assets.map((a) => [a, gzipSync(read(a), { level: 9 }).length] as const);
    const total = sizes.reduce((n, [, s]) => n + s, 0);
    console.log(`exam page: ${(total / 1024).toFixed(1)} KB gzip ${JSON.stringify(sizes)}`);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('staff screens and the QR code library are not in the entry script', () => {
    const html = read('index.html').toString('utf8');
    const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1] as string;
    const code = read(entry).toString('utf8');
    // The entry only refers to these chunks by file name (dynamic import).
    expect(code).toMatch(/AdminLoginPage-[\w-]+\.js/);
    expect(code).not.toMatch(/toSJISFunction|Kanji/); // qrcode internals
  });
});

describe('service worker', () => {
  it('precaches the app shell and caches no API response (no item content on the device)', () => {
    const sw = read('sw.js').toString('utf8');
    expect(sw).toMatch(/precacheAndRoute/);
    expect(sw).toMatch(/index\.html/);
    // Only the navigation fallback route, which must exclude /api/.
    expect(sw).not.toMatch(/NetworkFirst|CacheFirst|StaleWhileRevalidate|NetworkOnly|CacheOnly/);
    expect(sw).toMatch(/denylist:\[\/\^\\\/api\\\//);
  });
});
