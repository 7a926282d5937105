// Global test setup: placeholder until the store module provides an embedded dynalite for tests.
export default async function setup(): Promise<void> {}
