// Local secrets (JWT key, PIN pepper, publication keys): generated once per data directory and kept in
// secrets.json beside the data (mode 0600); a file from before publication keys existed gets them added.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicationKeys } from '../services/config.ts';
import { writeFileAtomic } from './data-dir.ts';

export interface LocalSecrets {
  jwtSecret: string;
  pinPepper: string;
  publication: PublicationKeys;
}

const freshPublication = (): PublicationKeys => ({
  signingKeyPem: generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString(),
  pseudonymSecret: randomBytes(32).toString('hex'),
});

const fresh = (): LocalSecrets => ({
  jwtSecret: randomBytes(32).toString('hex'),
  pinPepper: randomBytes(32).toString('hex'),
  publication: freshPublication(),
});

/** In-memory runs (tests, benchmarks) get fresh secrets; a data directory keeps them across restarts. */
export const loadLocalSecrets = (dataDir: string | undefined): LocalSecrets => {
  if (!dataDir) return fresh();
  const path = join(dataDir, 'secrets.json');
  if (existsSync(path)) {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<LocalSecrets> &
      Omit<LocalSecrets, 'publication'>;
    if (stored.publication) return stored as LocalSecrets;
    const upgraded: LocalSecrets = { ...stored, publication: freshPublication() };
    writeFileSync(path, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  }
  const secrets = fresh();
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomic(path, JSON.stringify(secrets, null, 2)); // a crash never leaves half a secrets.json
  return secrets;
};
