// Local secrets (JWT key, PIN pepper): generated once per data directory and kept in secrets.json beside the data.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  jwtSecret: string;
  pinPepper: string;
}

const fresh = (): LocalSecrets => ({
  jwtSecret: randomBytes(32).toString('hex'),
  pinPepper: randomBytes(32).toString('hex'),
});

/** In-memory runs (tests, benchmarks) get fresh secrets; a data directory keeps them across restarts. */
export const loadLocalSecrets = (dataDir: string | undefined): LocalSecrets => {
  if (!dataDir) return fresh();
  const path = join(dataDir, 'secrets.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as LocalSecrets;
  const secrets = fresh();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
};
