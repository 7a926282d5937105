import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../functions/cli/open-bundle.ts';

describe('openBundle (directory)', () => {
  const root = mkdtempSync(join(tmpdir(), 'open-bundle-'));
  const dir = join(root, 'bundle');
  mkdirSync(join(dir, 'attempts'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), '{"a":1}');
  writeFileSync(join(dir, 'attempts', 'p1.json'), '{"p":1}');
  writeFileSync(join(root, 'outside.json'), '{"secret":true}');

  it('reads files by relative path when asked', () => {
    const files = openBundle(dir);
    expect(files.read('manifest.json')).toBe('{"a":1}');
    expect(files.read('attempts/p1.json')).toBe('{"p":1}');
    expect(files.read('attempts/none.json')).toBeUndefined();
    expect(files.read('attempts')).toBeUndefined();
  });

  it.each([
    '../outside.json',
    'attempts/../../outside.json',
    `/${join(root, 'outside.json')}`,
    '',
    './manifest.json',
  ])('a path leaving the bundle (%s) reads nothing', (p) => {
    expect(openBundle(dir).read(p)).toBeUndefined();
  });
});
