// SHA-256 on node:crypto for the Merkle functions (the browser passes WebCrypto instead).
import { hash } from 'node:crypto';
import type { SyncHashFn } from './merkle.ts';

export const sha256: SyncHashFn = (data) => new Uint8Array(hash('sha256', data, 'buffer'));
