// The web build: no source maps in production (they would be served to every browser), maps in development.
import type { UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import config from '../../web/vite.config.ts';

const resolve = (mode: string): UserConfig =>
  (
    config as (env: { mode: string; command: 'build'; isSsrBuild: boolean; isPreview: boolean }) => UserConfig
  )({
    mode,
    command: 'build',
    isSsrBuild: false,
    isPreview: false,
  });

describe('web/vite.config.ts', () => {
  it.each([
    ['production', false],
    ['development', true],
  ])('%s build: sourcemap %s', (mode, maps) => {
    expect(resolve(mode).build?.sourcemap).toBe(maps);
  });
});
