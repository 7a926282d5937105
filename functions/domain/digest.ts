// SHA-256 on node:crypto for the Merkle functions (the browser passes WebCrypto instead).
import { createHash } from 'node:crypto';
import type { SyncHashFn } from './merkle.ts';

export const sha256: SyncHashFn = (data) => new Uint8Array(createHash('sha256').update(data).digest());
