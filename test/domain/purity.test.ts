// functions/domain imports nothing but its own files (./ siblings, ../ within domain) and node:crypto.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DOMAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../functions/domain');

/** Every module specifier of a source: static import/export … from, side-effect import, import(), require(). */
const specifiers = (source: string): string[] => {
  const out: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1] as string);
  return out;
};

/** Why a specifier of `file` (absolute) is not allowed, or undefined when it is. */
const violation = (file: string, spec: string): string | undefined => {
  if (spec === 'node:crypto') return undefined;
  if (!spec.startsWith('./') && !spec.startsWith('../')) return `imports package ${spec}`;
  const target = relative(DOMAIN, resolve(dirname(file), spec));
  if (target.startsWith('..')) return `imports ${spec}, outside functions/domain`;
  return undefined;
};

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('domain purity', () => {
  it.each([
    ["import { z } from 'zod';", ['imports package zod']],
    [
      "import type { PublicItem } from '../schemas/candidate.ts';",
      ['imports ../schemas/candidate.ts, outside functions/domain'],
    ],
    ["import { parse } from 'csv-parse/sync';", ['imports package csv-parse/sync']],
    ["import { readFileSync } from 'node:fs';", ['imports package node:fs']],
    ["export { x } from '../store/keys.ts';", ['imports ../store/keys.ts, outside functions/domain']],
    ["const m = await import('hono');", ['imports package hono']],
    ["import 'dotenv/config';", ['imports package dotenv/config']],
    ["import {\n  a,\n  b,\n} from 'zod';", ['imports package zod']],
    ["import { createHash } from 'node:crypto';\nimport { x } from './y.ts';", []],
    ["import type { Item } from './kinds/single.ts';", []],
  ])('the checker flags %j in domain/x.ts', (source, expected) => {
    const file = join(DOMAIN, 'x.ts');
    expect(specifiers(source).flatMap((s) => violation(file, s) ?? [])).toEqual(expected);
  });

  it('every file under functions/domain imports only domain files and node:crypto', () => {
    const files = tsFiles(DOMAIN);
    expect(files.length).toBeGreaterThan(20);
    const problems = files.flatMap((f) =>
      specifiers(readFileSync(f, 'utf8')).flatMap((s) => {
        const v = violation(f, s);
        return v ? [`${relative(DOMAIN, f)}: ${v}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });
});
