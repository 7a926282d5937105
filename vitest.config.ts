// Test runner config: one run for unit, store-contract (dynalite), API, infra and e2e (Chromium) tests.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { CDK_VALIDATION: 'false' },
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
  },
});
