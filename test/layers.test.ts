// Dependency direction: handlers -> (api, jobs) -> services -> (store, domain, schemas); api -> schemas;
// store -> domain; schemas -> nothing; web -> (schemas, domain helpers). No import points back up.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What each layer may import (relative imports resolved to a layer); layers not listed here are unchecked. */
const ALLOWED: Record<string, readonly string[]> = {
  'functions/domain': ['functions/domain'],
  'functions/schemas': ['functions/schemas'],
  'functions/store': ['functions/store', 'functions/domain'],
  'functions/services': ['functions/services', 'functions/store', 'functions/domain', 'functions/schemas'],
  'functions/jobs': ['functions/jobs', 'functions/services'],
  'functions/api': ['functions/api', 'functions/services', 'functions/schemas'],
  'functions/handlers': [
    'functions/handlers',
    'functions/api',
    'functions/jobs',
    'functions/services',
    'functions/store',
    'functions/schemas',
  ],
  'functions/cli': ['functions/cli', 'functions/domain'],
  web: ['web', 'functions/schemas', 'functions/domain'],
};

/** The layer of a path relative to the repository root: functions/<dir>, or web. */
const layerOf = (rel: string): string | undefined => {
  const parts = rel.split(sep).join('/').split('/');
  if (parts[0] === 'web') return 'web';
  if (parts[0] === 'functions' && parts.length > 2) return `functions/${parts[1]}`;
  return undefined;
};

const specifiers = (source: string): string[] => {
  const out: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1] as string);
  return out;
};

/** Why `spec` imported by `file` (relative to the root) breaks the direction, or undefined. */
const violation = (file: string, spec: string): string | undefined => {
  if (!spec.startsWith('.')) return undefined; // packages: the domain purity test covers the domain
  const from = layerOf(file);
  const allowed = from ? ALLOWED[from] : undefined;
  if (!from || !allowed) return undefined;
  const to = layerOf(relative(ROOT, resolve(ROOT, dirname(file), spec)));
  if (to === undefined || allowed.includes(to)) return undefined;
  return `${from} imports ${to}`;
};

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });

describe('layer direction', () => {
  it.each([
    [
      'functions/services/x.ts',
      "import { adminApp } from '../api/admin/app.ts';",
      ['functions/services imports functions/api'],
    ],
    [
      'functions/services/a/x.ts',
      "import type { Deps } from '../../api/deps.ts';",
      ['functions/services imports functions/api'],
    ],
    [
      'functions/services/x.ts',
      "import { runScheduledSweep } from '../jobs/sweeper.ts';",
      ['functions/services imports functions/jobs'],
    ],
    [
      'functions/jobs/x.ts',
      "import { roleApps } from '../api/app.ts';",
      ['functions/jobs imports functions/api'],
    ],
    [
      'functions/api/admin/x.ts',
      "import { sweep } from '../../jobs/sweeper.ts';",
      ['functions/api imports functions/jobs'],
    ],
    [
      'functions/api/x.ts',
      "import { createStore } from '../store/index.ts';",
      ['functions/api imports functions/store'],
    ],
    [
      'functions/store/x.ts',
      "import type { Deps } from '../services/deps.ts';",
      ['functions/store imports functions/services'],
    ],
    [
      'functions/schemas/x.ts',
      "import type { Item } from '../domain/items.ts';",
      ['functions/schemas imports functions/domain'],
    ],
    [
      'web/x/y.tsx',
      "import { createServices } from '../../functions/services/index.ts';",
      ['web imports functions/services'],
    ],
    [
      'functions/services/x.ts',
      "import { z } from 'zod';\nimport { messages } from '../schemas/messages.ts';",
      [],
    ],
    ['functions/jobs/x.ts', "import type { Services } from '../services/index.ts';", []],
    [
      'functions/handlers/x.ts',
      "import { roleApps } from '../api/app.ts';\nimport { x } from '../jobs/sweeper.ts';",
      [],
    ],
    ['web/x/y.ts', "import { remainingMs } from '../../functions/domain/timing.ts';", []],
  ])('%s with %j -> %j', (file, source, expected) => {
    expect(specifiers(source).flatMap((s) => violation(file, s) ?? [])).toEqual(expected);
  });

  it('no file in functions/ or web/ imports against the direction', () => {
    const files = [...sources('functions'), ...sources('web')];
    expect(files.filter((f) => f.startsWith(`functions${sep}services`)).length).toBeGreaterThan(10);
    const problems = files.flatMap((f) =>
      specifiers(readFileSync(join(ROOT, f), 'utf8')).flatMap((s) => {
        const v = violation(f, s);
        return v ? [`${f}: ${v} (${s})`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });
});
