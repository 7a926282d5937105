import { beforeAll, describe, expect, it } from 'vitest';
import { type AuditIntent, nextAuditEntry } from '../../functions/domain/audit-log.ts';
import type { Store } from '../../functions/store/types.ts';
import { testStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore({ pageLimit: 2 });
});

const T = Date.UTC(2026, 10, 27, 8);
const intent = (id: string): AuditIntent => ({
  id,
  at: T,
  actor: { role: 'admin', id: 'admin' },
  action: 'pins.release',
  target: 'session:s1',
});

describe('audit repository', () => {
  it('claimOperation is first-come: a second claim of the same id is false and keeps the first intent', async () => {
    expect(await store.audit.claimOperation(intent('op1'))).toBe(true);
    expect(await store.audit.claimOperation({ ...intent('op1'), target: 'session:other' })).toBe(false);
    expect(await store.audit.getOperation('op1')).toEqual({ intent: intent('op1') });
    await store.audit.markChained('op1', '2026-11-27', 1);
    expect(await store.audit.getOperation('op1')).toMatchObject({ day: '2026-11-27', seq: 1 });
  });

  it('appendEntry claims a seq once; tail is the highest seq; listDay returns them in order', async () => {
    const day = '2026-11-27';
    expect(await store.audit.tail(day)).toBeUndefined();
    const e1 = nextAuditEntry(undefined, intent('a'));
    const e2 = nextAuditEntry(e1, intent('b'));
    const rival = nextAuditEntry(e1, intent('c'));
    const e3 = nextAuditEntry(e2, intent('d'));
    expect(await store.audit.appendEntry(e1)).toBe(true);
    expect(await store.audit.appendEntry(e2)).toBe(true);
    expect(await store.audit.appendEntry(rival)).toBe(false);
    expect(await store.audit.appendEntry(e3)).toBe(true);
    expect(await store.audit.tail(day)).toEqual(e3);
    expect(await store.audit.getEntry(day, 2)).toEqual(e2);
    expect((await store.audit.listDay(day)).map((e) => e.id)).toEqual(['a', 'b', 'd']);
  });
});
