// The local data directory: its format marker (refuses a `.data/` of another layout) and crash-safe demo seeding.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deps } from '../services/deps.ts';
import { type DemoCredentials, type DemoSeed, type SeedOptions, seedDemo } from './demo-data.ts';
import { LocalRuntimeError } from './errors.ts';

/**
 * Bump when the table layout or a file in the data directory changes incompatibly.
 * 3: exam and bank lists (`EXAMS`, `BANKS`, `BANK#id / SNAP#id`) and exam versions: a `.data/` of format 2 lists
 * no exams or banks.
 * 4: attempts on GSI1 and room progress items keyed by registration number (`CAND#regNo`, `A#regNo`), the
 * roster's order: a `.data/` of format 3 shows every candidate absent on the room monitor.
 * 5: an attempt's META item carries its `started` step (no separate EVT# item): in a `.data/` of format 4 the
 * next META update would record a second started step, and the step log's hash would change.
 */
export const DATA_FORMAT = 'seleksi-local-data/5';
const FORMAT_FILE = 'data-format.json';
const SEED_FILE = 'demo-seed.json';
/** Written last: its presence means seeding completed. */
const CREDENTIALS_FILE = 'demo-credentials.json';

/** Write-then-rename: a crash leaves either the old file or the whole new one, never half a file. */
export const writeFileAtomic = (path: string, text: string): void => {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
};

export const oldDataDir = (dataDir: string, found: string): LocalRuntimeError =>
  new LocalRuntimeError(
    [
      `Folder data ${dataDir} dibuat oleh versi Seleksi lain (${found}); versi ini memakai ${DATA_FORMAT}.`,
      `Hapus folder itu (rm -rf ${dataDir}) lalu jalankan npm start lagi, atau pakai DATA_DIR lain.`,
      `The data folder ${dataDir} was made by another Seleksi version (${found}); this one uses ${DATA_FORMAT}.`,
      `Delete it (rm -rf ${dataDir}) and run npm start again, or use another DATA_DIR.`,
    ].join('\n'),
  );

/**
 * Checks the format marker before anything opens the directory. A missing or empty directory gets the marker;
 * a non-empty one without it, or with another format, is refused (LocalRuntimeError, no stack trace).
 */
export const checkDataFormat = (dataDir: string): void => {
  const marker = join(dataDir, FORMAT_FILE);
  if (existsSync(marker)) {
    let found = 'unknown';
    try {
      found = String((JSON.parse(readFileSync(marker, 'utf8')) as { format?: unknown }).format);
    } catch {
      found = 'unreadable marker';
    }
    if (found !== DATA_FORMAT) throw oldDataDir(dataDir, found);
    return;
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw oldDataDir(dataDir, 'no format marker');
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomic(marker, `${JSON.stringify({ format: DATA_FORMAT }, null, 2)}\n`);
};

/**
 * The demo data of a directory, seeded at most once: the seed is stored first, seeding replays it
 * idempotently after a crash at any step, and the credentials file is written last as the completion marker.
 */
export const ensureDemo = async (
  deps: Deps,
  dataDir: string | undefined,
  opts: SeedOptions = {},
): Promise<DemoCredentials> => {
  if (!dataDir) return seedDemo(deps, opts);
  const credsPath = join(dataDir, CREDENTIALS_FILE);
  if (existsSync(credsPath)) return JSON.parse(readFileSync(credsPath, 'utf8')) as DemoCredentials;
  const seedPath = join(dataDir, SEED_FILE);
  let seed: DemoSeed;
  if (existsSync(seedPath)) seed = JSON.parse(readFileSync(seedPath, 'utf8')) as DemoSeed;
  else {
    seed = { secret: deps.randomHex(32), at: deps.clock() };
    writeFileAtomic(seedPath, JSON.stringify(seed));
  }
  const creds = await seedDemo(deps, { ...opts, seed });
  writeFileAtomic(credsPath, JSON.stringify(creds, null, 2));
  return creds;
};
