// Staff login route as the admin app (admin, proctor) and the auditor app (auditor) mount it.
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(1);
});

describe('staff login', () => {
  it.each([
    ['/api/admin/login', 'admin', 200],
    ['/api/admin/login', 'proctor', 200],
    ['/api/admin/login', 'auditor', 403],
    ['/api/auditor/login', 'auditor', 200],
    ['/api/auditor/login', 'admin', 403],
    ['/api/auditor/login', 'proctor', 403],
  ] as const)('%s as %s -> %i', async (path, who, status) => {
    const { username, password } = h.demo[who];
    const res = await h.call('POST', path, { body: { username, password } });
    expect(res.status).toBe(status);
    if (status === 200) expect(res.json.role).toBe(who);
    else expect(res.json.error.code).toBe('FORBIDDEN');
  });

  it.each(['/api/admin/login', '/api/auditor/login'])(
    '%s: wrong password and unknown user give the same 401',
    async (path) => {
      const wrong = await h.call('POST', path, {
        body: { username: 'admin', password: 'not-the-password' },
      });
      const unknown = await h.call('POST', path, {
        body: { username: 'nobody', password: 'whatever-123' },
      });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.json.error.code).toBe('INVALID_CREDENTIALS');
      expect(unknown.json.error.code).toBe('INVALID_CREDENTIALS');
    },
  );

  it.each(['/api/admin/login', '/api/auditor/login'])(
    '%s: short password -> 400 with field message',
    async (path) => {
      const res = await h.call('POST', path, { body: { username: 'admin', password: 'x' } });
      expect(res.status).toBe(400);
      expect(res.json.error.fields.password).toBeDefined();
    },
  );
});
