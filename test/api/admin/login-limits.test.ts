// Staff login limits and constant work: per (username, address), unknown names cost a scrypt like known ones.
import { describe, expect, it } from 'vitest';
import { defaultLoginLimits } from '../../../functions/domain/login-limits.ts';
import { apiHarness } from '../harness.ts';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('staff login', () => {
  it('an unknown name takes about as long as a wrong password (one scrypt either way)', async () => {
    const h = await apiHarness(1);
    const time = async (username: string) => {
      const t = performance.now();
      const res = await h.call('POST', '/api/admin/login', {
        body: { username, password: 'wrong-password-1' },
      });
      expect(res.json.error.code).toBe('INVALID_CREDENTIALS');
      return performance.now() - t;
    };
    await time('nobody-here'); // the dummy hash is made once per process
    const known: number[] = [];
    const unknown: number[] = [];
    for (let n = 0; n < 7; n++) {
      known.push(await time('admin'));
      unknown.push(await time(`nobody-${n}`));
    }
    // Before: ≈ 3 ms for an unknown name against ≈ 40 ms for a known one.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('wrong passwords for one name stop that (name, address) only; another address still logs in; an admin unlocks', async () => {
    const h = await apiHarness(1, { loginLimits: defaultLoginLimits });
    const { username, password } = h.demo.admin;
    const codes: string[] = [];
    for (let n = 0; n < 25; n++) {
      const res = await h.call('POST', '/api/admin/login', {
        body: { username, password: 'wrong-password-1' },
        address: '10.7.7.7',
      });
      codes.push(res.json.error.code);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(6);
    const same = await h.call('POST', '/api/admin/login', {
      body: { username, password },
      address: '10.7.7.7',
    });
    expect(same.status).toBe(429);
    const other = await h.call('POST', '/api/admin/login', {
      body: { username, password },
      address: '10.8.8.8',
    });
    expect(other.status).toBe(200);
    const cleared = await h.call('POST', '/api/admin/login-limits/clear', {
      token: other.json.token,
      body: { kind: 'staff', key: username },
      address: '10.8.8.8',
    });
    expect(cleared.status).toBe(200);
    const after = await h.call('POST', '/api/admin/login', {
      body: { username, password },
      address: '10.7.7.7',
    });
    expect(after.status).toBe(200);
  });
});
