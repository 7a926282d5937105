// The message catalog covers every error code the domain, services, api and web client can raise, in id and en.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_ERROR_CODES } from '../../functions/api/errors.ts';
import { DOMAIN_ERROR_CODES } from '../../functions/domain/errors.ts';
import { isMessageKey, messageOf, messages, negotiateLang } from '../../functions/schemas/messages.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });

const all = (re: RegExp, files: string[]): string[] => [
  ...new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(re)].map((m) => m[1]!))),
];

const serverFiles = sources('functions');
/** Codes raised in the source, read from the code itself: DomainError codes, userError keys, HTTP codes, client codes. */
const thrownCodes = all(/new DomainError\(\s*'([A-Z_]+)'/g, serverFiles);
const userErrorKeys = all(/userError\(\s*'([A-Za-z_.]+)'/g, serverFiles);
const payloadCodes = all(/errorPayload\(\s*'([A-Z_]+)'/g, serverFiles);
const clientCodes = all(/new ApiError\([^,]+,\s*'([A-Z_]+)'/g, sources('web'));

describe('message catalog', () => {
  it('finds the raised codes in the source (the scan itself works)', () => {
    expect(thrownCodes).toContain('VALIDATION');
    expect(userErrorKeys).toContain('NOT_FOUND.session');
    expect(payloadCodes).toContain('ROUTE_NOT_FOUND');
    expect(clientCodes).toEqual(expect.arrayContaining(['NETWORK', 'BAD_RESPONSE', 'UNKNOWN']));
  });

  it.each([
    ['domain codes', [...DOMAIN_ERROR_CODES]],
    ['HTTP codes', [...HTTP_ERROR_CODES]],
    ['codes thrown as new DomainError(...)', thrownCodes],
    ['userError keys', userErrorKeys],
    ['error payload codes', payloadCodes],
    ['web client codes', clientCodes],
  ])('has an entry for every one of the %s', (_what, codes) => {
    expect(codes.filter((c) => !isMessageKey(c))).toEqual([]);
  });

  it('no server code hard-codes an "id / en" message: user-facing text lives in the catalog', () => {
    const bilingual = /new DomainError\(\s*'[A-Z_]+',\s*[`'"][^`'"]* \/ [^`'"]*[`'"]/;
    const offenders = serverFiles.filter((f) => bilingual.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every entry has non-empty id and en texts', () => {
    const bad = Object.entries(messages).filter(([, m]) => !m.id.trim() || !m.en.trim());
    expect(bad).toEqual([]);
  });

  it('every key is a known code or CODE.reason of a known code', () => {
    const codes = new Set<string>([...DOMAIN_ERROR_CODES, ...HTTP_ERROR_CODES, ...clientCodes]);
    expect(Object.keys(messages).filter((k) => !codes.has(k.split('.')[0]!))).toEqual([]);
  });

  it.each([
    ['NOT_FOUND.session', 'en', 'Session not found.'],
    ['NOT_FOUND.session', 'id', 'Sesi tidak ditemukan.'],
    ['NOT_FOUND.somethingNew', 'en', 'Not found.'], // unknown reason -> the code's generic message
    ['NO_SUCH_CODE', 'en', undefined],
  ] as const)('messageOf(%s, %s) = %s', (key, lang, text) => {
    expect(messageOf(key, lang)).toBe(text);
  });

  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR, en;q=0.5, id;q=0.8', 'id'],
    ['id-ID', 'id'],
    ['de, fr', 'id'],
    ['en;q=0, id', 'id'],
    ['*', 'id'],
  ] as const)('Accept-Language %j -> %s', (header, lang) => {
    expect(negotiateLang(header)).toBe(lang);
  });
});
