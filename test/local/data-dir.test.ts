// The local data directory: a crash at any step of the first seeding still leaves usable credentials; a
// `.data/` of another format is refused with a bilingual message.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiApp } from '../../functions/api/app.ts';
import { checkDataFormat, DATA_FORMAT, ensureDemo } from '../../functions/local/data-dir.ts';
import { LocalRuntimeError } from '../../functions/local/errors.ts';
import { defaultApiConfig } from '../../functions/services/config.ts';
import type { Deps } from '../../functions/services/deps.ts';
import { RELAXED_LOGIN_LIMITS, TEST_PUBLICATION_KEYS } from '../api/harness.ts';
import { testStore } from '../store/helpers.ts';

const SEED_STEPS = 13;

const freshDeps = async (): Promise<Deps> => ({
  store: await testStore(),
  config: {
    ...defaultApiConfig({
      jwtSecret: 'test-jwt-secret-0123',
      pinPepper: 'test-pepper',
      publication: TEST_PUBLICATION_KEYS,
    }),
    loginLimits: RELAXED_LOGIN_LIMITS,
  },
  clock: Date.now,
  randomHex: (n) => randomBytes(n).toString('hex'),
});

const post = async (deps: Deps, path: string, body: unknown) => {
  const { app } = createApiApp(deps);
  const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
  const res = await app.request(
    path,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    env,
  );
  return res.status;
};

class Crash extends Error {}

describe('crash-safe demo seeding', () => {
  it.each(Array.from({ length: SEED_STEPS }, (_, i) => i + 1))(
    'a crash after step %i, then a re-run: the printed credentials log in',
    async (k) => {
      const deps = await freshDeps();
      const dir = mkdtempSync(join(tmpdir(), 'seleksi-seed-'));
      await expect(
        ensureDemo(deps, dir, {
          candidates: 2,
          finishedCohort: 2,
          afterStep: (step) => {
            if (step === k) throw new Crash(`crash after ${k}`);
          },
        }),
      ).rejects.toBeInstanceOf(Crash);
      expect(existsSync(join(dir, 'demo-credentials.json'))).toBe(false);

      const creds = await ensureDemo(deps, dir, { candidates: 2, finishedCohort: 2 });
      const admin = creds.admin;
      expect(
        await post(deps, '/api/admin/login', { username: admin.username, password: admin.password }),
      ).toBe(200);
      const c = creds.candidates[1]!;
      expect(await post(deps, '/api/candidate/login', { regNo: c.regNo, pin: c.pin })).toBe(200);
      const p = creds.psych.candidates[0]!;
      expect(await post(deps, '/api/candidate/login', { regNo: p.regNo, pin: p.pin })).toBe(200);
      // A third start reads the same credentials back.
      expect(await ensureDemo(deps, dir, { candidates: 2, finishedCohort: 2 })).toEqual(creds);
    },
    // Two seedings per case, ≈ 4 s of CPU: 20 s was too tight beside another test file on a loaded machine.
    60_000,
  );

  it('the seeding has exactly the steps the test interrupts', async () => {
    const steps: number[] = [];
    await ensureDemo(await freshDeps(), undefined, {
      candidates: 1,
      finishedCohort: 1,
      afterStep: (s) => steps.push(s),
    });
    expect(steps).toEqual(Array.from({ length: SEED_STEPS }, (_, i) => i + 1));
  });

  it('the later session has its commitment before it opens, and refuses login until then', async () => {
    const deps = await freshDeps();
    const creds = await ensureDemo(deps, undefined, { candidates: 1, finishedCohort: 1 });
    expect(creds.later.opensAt).toBeGreaterThan(Date.now());
    const { app } = createApiApp(deps);
    const res = await app.request(`/api/public/sessions/${creds.later.sessionId}/commitment`);
    const body = (await res.json()) as { secretCommitment: string; secret: string | null };
    expect(body.secretCommitment).toMatch(/^[0-9a-f]{64}$/);
    expect(body.secret).toBeNull();
    const c = creds.later.candidates[0]!;
    expect(await post(deps, '/api/candidate/login', { regNo: c.regNo, pin: c.pin })).not.toBe(200);
  });
});

describe('data format marker', () => {
  it('a fresh directory gets the marker, and is accepted again', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'seleksi-fmt-')), 'data');
    checkDataFormat(dir);
    expect(JSON.parse(readFileSync(join(dir, 'data-format.json'), 'utf8'))).toEqual({ format: DATA_FORMAT });
    expect(() => checkDataFormat(dir)).not.toThrow();
  });

  it.each([
    ['a .data/ of the previous version (no marker)', (dir: string) => mkdirSync(join(dir, 'dynamo'))],
    [
      'another format version',
      (dir: string) => writeFileSync(join(dir, 'data-format.json'), '{"format":"seleksi-local-data/1"}'),
    ],
  ])('%s is refused with a bilingual message saying to delete it', (_name, prepare) => {
    const dir = mkdtempSync(join(tmpdir(), 'seleksi-fmt-'));
    prepare(dir);
    let err: unknown;
    try {
      checkDataFormat(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LocalRuntimeError);
    const msg = (err as Error).message;
    expect(msg).toContain('Hapus folder itu');
    expect(msg).toContain('Delete it');
    expect(msg).toContain(dir);
  });
});
