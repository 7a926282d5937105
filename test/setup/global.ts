// Global test setup: one in-memory embedded store (dynalite worker + s3rver) for the whole vitest run.
import type { TestProject } from 'vitest/node';
import { startEmbeddedStore } from '../../functions/local/embedded-store.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Test files create their own table and buckets (test/store/helpers.ts), so nothing is ensured here.
  const embedded = await startEmbeddedStore({ ensure: false });
  project.provide('dynamoEndpoint', embedded.dynamoEndpoint);
  project.provide('s3Endpoint', embedded.s3Endpoint);
  return () => embedded.stop();
}
