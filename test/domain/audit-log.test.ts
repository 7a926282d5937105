import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditIntent,
  auditDay,
  auditGenesis,
  nextAuditEntry,
  verifyAuditChain,
} from '../../functions/domain/audit-log.ts';

const T = Date.UTC(2026, 10, 27, 8, 0, 0);
const intent = (n: number, over: Partial<AuditIntent> = {}): AuditIntent => ({
  id: `op-${n}`,
  at: T + n * 1000,
  actor: { role: 'admin', id: 'admin' },
  action: 'session.cancel',
  target: `session:s${n}`,
  reason: `reason ${n}`,
  ...over,
});
const chain = (n: number): AuditEntry[] => {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) out.push(nextAuditEntry(out[out.length - 1], intent(i)));
  return out;
};

describe('audit log hash chain', () => {
  it.each<[number, string]>([
    [Date.UTC(2026, 10, 27, 0, 0, 0), '2026-11-27'],
    [Date.UTC(2026, 10, 27, 23, 59, 59, 999), '2026-11-27'],
    [Date.UTC(2026, 10, 28, 0, 0, 0), '2026-11-28'],
  ])('auditDay(%i) = %s (UTC)', (at, day) => expect(auditDay(at)).toBe(day));

  it('the first entry links to the day genesis; hash = SHA-256(prevHash || canonical JSON of the rest)', () => {
    const e = nextAuditEntry(undefined, intent(1));
    expect(e).toMatchObject({ seq: 1, day: '2026-11-27', prevHash: auditGenesis('2026-11-27') });
    expect(auditGenesis('2026-11-27')).toBe(
      createHash('sha256').update('seleksi-audit:2026-11-27').digest('hex'),
    );
    // keys sorted, undefined members (details) omitted
    const canonical =
      `{"action":"session.cancel","actor":{"id":"admin","role":"admin"},"at":${T + 1000},` +
      `"day":"2026-11-27","id":"op-1","prevHash":"${e.prevHash}","reason":"reason 1","seq":1,` +
      `"target":"session:s1"}`;
    expect(e.hash).toBe(
      createHash('sha256')
        .update(e.prevHash + canonical)
        .digest('hex'),
    );
  });

  it('a chain verifies and reports its head', () => {
    const c = chain(4);
    expect(c.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(c[2]?.prevHash).toBe(c[1]?.hash);
    expect(verifyAuditChain('2026-11-27', [...c].reverse())).toEqual({
      ok: true,
      entries: 4,
      head: c[3]?.hash,
    });
    expect(verifyAuditChain('2026-11-27', [])).toEqual({
      ok: true,
      entries: 0,
      head: auditGenesis('2026-11-27'),
    });
  });

  it.each<[string, (c: AuditEntry[]) => AuditEntry[], number, string]>([
    ['an edited reason', (c) => c.map((e) => (e.seq === 2 ? { ...e, reason: 'other' } : e)), 2, 'hash'],
    [
      'an edited actor',
      (c) => c.map((e) => (e.seq === 3 ? { ...e, actor: { role: 'system' } } : e)),
      3,
      'hash',
    ],
    ['a removed middle entry', (c) => c.filter((e) => e.seq !== 2), 2, 'gap'],
    [
      'a removed entry with the rest renumbered',
      (c) => c.filter((e) => e.seq !== 2).map((e) => (e.seq > 2 ? { ...e, seq: e.seq - 1 } : e)),
      2,
      'prevHash',
    ],
    [
      'an entry rehashed after editing (the next link breaks)',
      (c) =>
        c.map((e) => {
          if (e.seq !== 2) return e;
          const { hash: _h, ...rest } = { ...e, reason: 'other' };
          return nextAuditEntry(c[0], { ...rest });
        }),
      3,
      'prevHash',
    ],
    [
      'an entry moved to another day',
      (c) => c.map((e) => (e.seq === 1 ? { ...e, day: '2026-11-26' } : e)),
      1,
      'day',
    ],
  ])('detects %s', (_name, tamper, seq, problem) => {
    expect(verifyAuditChain('2026-11-27', tamper(chain(4)))).toEqual({ ok: false, seq, problem });
  });
});
