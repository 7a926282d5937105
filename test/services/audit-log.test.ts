import { beforeAll, describe, expect, it } from 'vitest';
import { auditDay, verifyAuditChain } from '../../functions/domain/audit-log.ts';
import { DomainError } from '../../functions/domain/errors.ts';
import { createAuditLog } from '../../functions/services/audit-log.ts';
import type { Store } from '../../functions/store/types.ts';
import { testStore } from '../store/helpers.ts';

let store: Store;
let now = Date.UTC(2026, 10, 27, 8);
const clock = () => now;
beforeAll(async () => {
  store = await testStore();
});

const req = (opId: string, action = 'session.cancel') => ({
  opId,
  actor: { role: 'admin' as const, id: 'adm' },
  action,
  target: 'session:s1',
  reason: 'ruang banjir',
});

describe('audit log service', () => {
  it('records the intent before the action runs, then runs the action', async () => {
    const log = createAuditLog(store, clock);
    const seen: number[] = [];
    const out = await log.run(req('op-a'), async (entry) => {
      // the entry is already in the store when the action starts
      seen.push((await store.audit.listDay(entry.day)).filter((e) => e.id === 'op-a').length);
      return 'done';
    });
    expect(out).toBe('done');
    expect(seen).toEqual([1]);
  });

  it('the same opId twice: one entry, the action re-runs (it is idempotent by contract)', async () => {
    const log = createAuditLog(store, clock);
    let runs = 0;
    const a = await log.run(req('op-b'), async (e) => {
      runs++;
      return e;
    });
    now += 1000;
    const b = await log.run({ ...req('op-b'), reason: 'different' }, async (e) => {
      runs++;
      return e;
    });
    expect(b).toEqual(a);
    expect(runs).toBe(2);
    const day = auditDay(now);
    expect((await store.audit.listDay(day)).filter((e) => e.id === 'op-b')).toHaveLength(1);
  });

  it('a failing action leaves the intent and a .failed entry, and rethrows', async () => {
    const log = createAuditLog(store, clock);
    await expect(
      log.run(req('op-c', 'pins.regenerate'), async () => {
        throw new DomainError('NOT_FOUND', 'gone');
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const entries = await store.audit.listDay(auditDay(now));
    const failed = entries.find((e) => e.id === 'op-c.failed');
    expect(entries.some((e) => e.id === 'op-c')).toBe(true);
    expect(failed).toMatchObject({ action: 'pins.regenerate.failed', details: { code: 'NOT_FOUND' } });
  });

  it('completes after a crash between the claim and the append, and after one between append and mark', async () => {
    const log = createAuditLog(store, clock);
    // crash 1: claimed, never appended
    await store.audit.claimOperation({
      id: 'op-d',
      at: now,
      actor: { role: 'system' },
      action: 'x',
      target: 't',
    });
    const d = await log.record(req('op-d'));
    expect(d).toMatchObject({ id: 'op-d', action: 'x', actor: { role: 'system' } });
    // crash 2: claimed and appended, not marked: the retry finds the entry instead of appending again
    const tail = await store.audit.tail(auditDay(now));
    const { nextAuditEntry } = await import('../../functions/domain/audit-log.ts');
    const intent = { id: 'op-e', at: now, actor: { role: 'system' as const }, action: 'y', target: 't' };
    await store.audit.claimOperation(intent);
    await store.audit.appendEntry(nextAuditEntry(tail, intent));
    const e = await log.record(req('op-e'));
    const all = await store.audit.listDay(auditDay(now));
    expect(all.filter((x) => x.id === 'op-e')).toHaveLength(1);
    expect(e.seq).toBe(all.length);
  });

  it('concurrent appends from many writers form one unbroken chain', async () => {
    now = Date.UTC(2026, 10, 28, 9);
    const logs = [createAuditLog(store, clock), createAuditLog(store, clock), createAuditLog(store, clock)];
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => logs[i % 3]!.record(req(`par-${i}`, 'attempt.pause'))),
    );
    const entries = await store.audit.listDay('2026-11-28');
    expect(entries).toHaveLength(24);
    expect(new Set(entries.map((e) => e.id)).size).toBe(24);
    expect(verifyAuditChain('2026-11-28', entries)).toMatchObject({ ok: true, entries: 24 });
    expect(await logs[0]!.verify('2026-11-28')).toMatchObject({ ok: true });
  });
});
