import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { syntheticBank, tinyExam } from '../domain/fixtures.ts';
import { syntheticBundle } from '../fixtures/audit-bundle.ts';
import { syntheticPsychBundle } from '../fixtures/psych-bundle.ts';

const run = promisify(execFile);
const built = syntheticBundle({
  exam: tinyExam({ passingGrades: [{ formationType: 'umum', label: 'U', sections: {}, total: 10 }] }),
  bank: syntheticBank('b', { TWK: 5, TKP: 3 }),
  candidates: 5,
  formations: [{ id: 'F1', formationType: 'umum', openings: 1 }],
});

const writeDir = (files: Map<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  for (const [p, text] of files) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
};
// The CLI under tsx's loader, as `npm run verify` runs it, without an npx per call (≈ 0.8 s of CPU each).
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'functions/cli/verify.ts', ...args]).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

describe('verify CLI', () => {
  it('exit 0 and counts for a directory bundle', async () => {
    const r = await cli(writeDir(built.files));
    expect(r.code).toBe(0);
    expect(r.out).toContain('RESULT: OK');
    expect(r.out).toMatch(/attempts\s+5/);
  }, 60_000);

  it('exit 1 naming the pseudonym for a tampered JSON archive', async () => {
    const files = Object.fromEntries(built.files);
    const p = built.attempts[1]?.pseudonym as string;
    const a = JSON.parse(files[`attempts/${p}.json`] as string);
    a.result.document.total += 5;
    files[`attempts/${p}.json`] = JSON.stringify(a);
    const path = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'bundle.json');
    writeFileSync(path, JSON.stringify({ format: 'seleksi-audit-bundle/1', files }));
    const r = await cli(path);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${p}: result total`);
  }, 60_000);

  it('--jobs=2 verifies the attempts on worker threads: same counts; a tampered step is still named', async () => {
    const plain = await cli(writeDir(built.files));
    const parallel = await cli('--jobs=2', writeDir(built.files));
    expect(parallel.code).toBe(0);
    expect(parallel.out).toBe(plain.out);
    const files = new Map(built.files);
    const p = built.attempts[4]?.pseudonym as string;
    const a = JSON.parse(files.get(`attempts/${p}.json`) as string);
    a.steps[1].at += 1;
    files.set(`attempts/${p}.json`, JSON.stringify(a));
    const r = await cli('--jobs=2', writeDir(files));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${p}: receipt (hash chain of the step log)`);
  }, 90_000);

  it('a personal PSYCH bundle of 250 attempts: progress bar to 100 %, exit 0; one psych byte flipped -> exit 1 naming it', async () => {
    const psych = syntheticPsychBundle({ candidates: 250 });
    const ok = await cli('--jobs=1', writeDir(psych.files));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/psych\s+250/);
    expect(ok.out).toContain('[####################] 100% 250/250 attempts');
    const files = new Map(psych.files);
    const p = psych.attempts[7]?.pseudonym as string;
    const text = files.get(`attempts/${p}.json`) as string;
    const at = text.indexOf('"panker":') + 9;
    files.set(
      `attempts/${p}.json`,
      text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1),
    );
    const bad = await cli('--jobs=1', writeDir(files));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`${p}: psych speed`);
    expect(bad.out).toContain(`${p} psych: signature`);
  }, 120_000);

  it('exit 2 for something that is not a bundle', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'x-')), 'x.json');
    writeFileSync(path, '{}');
    expect((await cli(path)).code).toBe(2);
  }, 60_000);

  it('malformed JSON is a finding naming the file (exit 1), on one thread and on workers; a broken archive exit 2', async () => {
    const cut = (text: string) => text.slice(0, text.length >> 1);
    const files = new Map(built.files);
    files.set('manifest.json', cut(files.get('manifest.json') as string));
    const manifest = await cli(writeDir(files));
    expect(manifest.code).toBe(1);
    expect(manifest.out).toContain('RESULT: 1 mismatch(es)');
    expect(manifest.out).toContain('- manifest.json: JSON');
    expect(manifest.out).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace

    const p = built.attempts[2]?.pseudonym as string;
    const attempt = new Map(built.files);
    attempt.set(`attempts/${p}.json`, cut(attempt.get(`attempts/${p}.json`) as string));
    const onWorkers = await cli('--jobs=2', writeDir(attempt));
    expect(onWorkers.code).toBe(1);
    expect(onWorkers.out).toContain(`- attempts/${p}.json: JSON`);

    const shaped = new Map(built.files);
    shaped.set(`attempts/${p}.json`, '{"steps": 3}');
    const wrongShape = await cli(writeDir(shaped));
    expect(wrongShape.code).toBe(1);
    expect(wrongShape.out).toContain(`- attempts/${p}.json: pseudonym = file name`);

    const archive = join(mkdtempSync(join(tmpdir(), 'x-')), 'bundle.json');
    writeFileSync(archive, '{"format": "seleksi-audit-bundle/1", "files": {');
    const broken = await cli(archive);
    expect(broken.code).toBe(2);
    expect(broken.out).toContain(`cannot read bundle: ${archive} is not JSON`);
  }, 120_000);
});
