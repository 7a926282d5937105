import { beforeAll, describe, expect, it } from 'vitest';
import { clientsFor } from '../../functions/store/clients.ts';
import { createStore } from '../../functions/store/index.ts';
import { Table } from '../../functions/store/table.ts';
import type { Store } from '../../functions/store/types.ts';
import { rosterEntry, session } from './fixtures.ts';
import { testConfig, testStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

describe('sessions', () => {
  it('create -> get, getSecret; duplicate id -> DUPLICATE and the secret is untouched', async () => {
    const s = session('s1');
    await store.sessions.create(s, 'secret-1');
    expect(await store.sessions.get('s1')).toEqual(s);
    expect(await store.sessions.getSecret('s1')).toBe('secret-1');
    await expect(store.sessions.create({ ...s, title: 'other' }, 'secret-2')).rejects.toMatchObject({
      code: 'DUPLICATE',
    });
    expect(await store.sessions.getSecret('s1')).toBe('secret-1');
    expect((await store.sessions.get('s1'))?.title).toBe(s.title);
  });

  it('unknown session -> undefined', async () => {
    expect(await store.sessions.get('nope')).toBeUndefined();
    expect(await store.sessions.getSecret('nope')).toBeUndefined();
  });

  it('list: newest opening first, limit, without the secret', async () => {
    await store.sessions.create(session('early', { opensAt: 1_700_000_000_000 }), 'x');
    await store.sessions.create(session('late', { opensAt: 1_900_000_000_000 }), 'y');
    const all = await store.sessions.list();
    expect(all.map((s) => s.id)).toEqual(['late', 's1', 'early']);
    expect(all.every((s) => !('secret' in s))).toBe(true);
    expect((await store.sessions.list(1)).map((s) => s.id)).toEqual(['late']);
  });

  it('listOpeningBetween: one range read on the opening time, edges included, oldest first', async () => {
    const t = 2_000_000_000_000;
    await store.sessions.create(session('w-before', { opensAt: t - 1 }), 'a');
    await store.sessions.create(session('w-from', { opensAt: t }), 'b');
    await store.sessions.create(session('w-mid', { opensAt: t + 5 }), 'c');
    await store.sessions.create(session('w-to', { opensAt: t + 10 }), 'd');
    await store.sessions.create(session('w-after', { opensAt: t + 11 }), 'e');
    expect((await store.sessions.listOpeningBetween(t, t + 10)).map((s) => s.id)).toEqual([
      'w-from',
      'w-mid',
      'w-to',
    ]);
    expect(await store.sessions.listOpeningBetween(t + 10, t)).toEqual([]);
  });

  it('setPinsReleased updates the session and its list entry; unknown -> NOT_FOUND', async () => {
    await store.sessions.create(session('pins'), 'z');
    await store.sessions.setPinsReleased('pins', true);
    expect((await store.sessions.get('pins'))?.pinsReleased).toBe(true);
    expect((await store.sessions.list()).find((s) => s.id === 'pins')?.pinsReleased).toBe(true);
    await store.sessions.setPinsReleased('pins', false);
    expect((await store.sessions.get('pins'))?.pinsReleased).toBe(false);
    await expect(store.sessions.setPinsReleased('ghost', true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('roster: entries, lookup by regNo, sessions of a candidate', async () => {
    const entries = Array.from({ length: 60 }, (_, i) =>
      rosterEntry('s1', `2026${String(i).padStart(4, '0')}`),
    );
    await store.sessions.putRoster([...entries, rosterEntry('late', '20260001')]);
    const roster = await store.sessions.listRoster('s1');
    expect(roster).toHaveLength(60);
    expect(roster[0]).toEqual(entries[0]);
    expect(await store.sessions.getRosterEntry('s1', '20260007')).toEqual(entries[7]);
    expect(await store.sessions.getRosterEntry('s1', 'nobody')).toBeUndefined();
    expect((await store.sessions.sessionsOfCandidate('20260001')).sort()).toEqual(['late', 's1']);
    expect(await store.sessions.sessionsOfCandidate('20260002')).toEqual(['s1']);
    expect(await store.sessions.sessionsOfCandidate('nobody')).toEqual([]);
  });
});

describe('the REG# lookup', () => {
  it('lists the sessions of its SESSION# items only, whatever else the partition holds', async () => {
    const config = testConfig();
    const store = createStore(config);
    await store.ensure();
    const table = new Table(clientsFor(config).dynamo, config.tableName);
    await table.put({ PK: { S: 'REG#R-9' }, SK: { S: 'SESSION#s9' }, sessionId: { S: 's9' } });
    await table.put({ PK: { S: 'REG#R-9' }, SK: { S: 'NOTE#1' }, sessionId: { S: 'not-a-session' } });
    expect(await store.sessions.sessionsOfCandidate('R-9')).toEqual(['s9']);
  });
});
