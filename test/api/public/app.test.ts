// Public routes and health: commit–reveal of the session secret, store status, JSON 404s.
import { beforeAll, describe, expect, it } from 'vitest';
import { secretCommitment } from '../../../functions/domain/seed.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(1);
});

describe('public', () => {
  it('health reports the store', async () => {
    const res = await h.call('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok', store: 'ok' });
  });

  it('publishes the commitment while open and reveals the secret only after close', async () => {
    const path = `/api/public/sessions/${h.demo.sessionId}/commitment`;
    const open = await h.call('GET', path);
    expect(open.status).toBe(200);
    expect(open.json.secret).toBeNull();
    h.advance(31 * 24 * 3600_000);
    const closed = await h.call('GET', path);
    h.advance(-31 * 24 * 3600_000);
    expect(closed.json.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(secretCommitment(closed.json.secret)).toBe(open.json.secretCommitment);
  });

  it('unknown routes answer JSON 404', async () => {
    const res = await h.call('GET', '/api/public/nothing-here');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
