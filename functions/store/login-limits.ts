// Login rate-limit counters in the single table: one item per (kind, key, window), conditional UpdateItem.

import type { AttemptMeta, RosterEntry } from '../domain/attempt.ts';
import { DomainError } from '../domain/errors.ts';
import type { LimitCounters, LimitKind } from '../domain/login-limits.ts';
import { metaOf } from './attempts.ts';
import { keys } from './keys.ts';
import { type Item, Table } from './table.ts';

/**
 * Each item carries `expiresAt` (epoch seconds, the window's end): DynamoDB's TTL deletes it on AWS; dynalite
 * has no TTL, so reads check it in code and treat an expired item as absent. The window is also in the key,
 * so a new window starts from fresh items either way.
 */
/** A candidate's own items, read together with the login counters. */
export interface CandidateLoginItems {
  entry: RosterEntry | undefined;
  attempt: AttemptMeta | undefined;
}

export interface LoginLimitRepo {
  read(kind: LimitKind, key: string, address: string, window: number, now: number): Promise<LimitCounters>;
  /**
   * The candidate counters of (key, address) plus, per target session in order, the candidate's roster entry
   * and attempt META, in one strongly consistent BatchGetItem (the start spike is all logins: one round trip).
   * The targets are the sessions open now, or the one session the REG# lookup gave.
   */
  readCandidateIn(
    key: string,
    address: string,
    window: number,
    now: number,
    targets: ReadonlyArray<{ sessionId: string; regNo: string; attemptId: string }>,
  ): Promise<{ counters: LimitCounters; found: CandidateLoginItems[] }>;
  /**
   * Takes one attempt of the pair if its tries are still `seenTries` (what `read` returned): concurrent
   * attempts of one pair cannot all pass on the same reading. False when another attempt got there first.
   */
  reservePair(
    kind: LimitKind,
    key: string,
    address: string,
    window: number,
    seenTries: number,
    now: number,
    expiresAt: number,
  ): Promise<boolean>;
  /**
   * Takes `count` (default 1) attempts of the address if it has at least that many left below `max` (atomic:
   * a burst cannot overshoot).
   */
  reserveAddress(
    kind: LimitKind,
    address: string,
    window: number,
    max: number,
    expiresAt: number,
    count?: number,
  ): Promise<boolean>;
  /** A failed attempt: counts on the pair and on the key. */
  recordFailure(
    kind: LimitKind,
    key: string,
    address: string,
    window: number,
    expiresAt: number,
  ): Promise<void>;
  /** Deletes every counter of a key (all windows and addresses) or of an address; returns how many. */
  clearKey(kind: LimitKind, key: string): Promise<number>;
  clearAddress(kind: LimitKind, address: string): Promise<number>;
}

const num = (item: Item | undefined, name: string): number => Number(item?.[name]?.N ?? 0);

const live = (item: Item | undefined, now: number): Item | undefined =>
  item && num(item, 'expiresAt') * 1000 > now ? item : undefined;

const conditional = async (run: () => Promise<unknown>): Promise<boolean> => {
  try {
    await run();
    return true;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'CONFLICT') return false;
    throw e;
  }
};

const seconds = (ms: number): string => String(Math.ceil(ms / 1000));

export const createLoginLimitRepo = (table: Table): LoginLimitRepo => {
  const clearPartition = async (pk: string): Promise<number> => {
    const items = await table.queryPartition(pk, { consistent: true });
    await Promise.all(items.map((i) => table.delete({ PK: i.PK?.S ?? '', SK: i.SK?.S ?? '' })));
    return items.length;
  };

  const counterKeys = (kind: LimitKind, key: string, address: string, window: number) => [
    keys.loginLimitPair(kind, key, window, address),
    keys.loginLimitKey(kind, key, window),
    keys.loginLimitAddress(kind, address, window),
  ];
  const countersOf = ([pair, keyItem, addr]: Array<Item | undefined>, now: number): LimitCounters => {
    const p = live(pair, now);
    return {
      pair: { tries: num(p, 'tries'), fails: num(p, 'fails'), lastAt: num(p, 'lastAt') },
      keyFails: num(live(keyItem, now), 'fails'),
      addressTries: num(live(addr, now), 'tries'),
    };
  };

  const readCandidateIn: LoginLimitRepo['readCandidateIn'] = async (key, address, window, now, targets) => {
    const items = await table.batchGet(
      [
        ...counterKeys('candidate', key, address, window),
        ...targets.flatMap((t) => [keys.rosterEntry(t.sessionId, t.regNo), keys.attempt(t.attemptId)]),
      ],
      true,
    );
    return {
      counters: countersOf(items, now),
      found: targets.map((_, k) => {
        const entry = items[3 + 2 * k];
        const attempt = items[4 + 2 * k];
        return {
          entry: entry ? Table.fromItem<RosterEntry>(entry) : undefined,
          attempt: attempt ? metaOf(attempt) : undefined,
        };
      }),
    };
  };

  return {
    async read(kind, key, address, window, now) {
      // One BatchGetItem: every login reads these three counters, so one round trip instead of three.
      return countersOf(await table.batchGet(counterKeys(kind, key, address, window), true), now);
    },

    readCandidateIn,

    reservePair(kind, key, address, window, seenTries, now, expiresAt) {
      return conditional(() =>
        table.update({
          Key: Table.key(keys.loginLimitPair(kind, key, window, address)),
          UpdateExpression: 'SET lastAt = :now, expiresAt = :exp ADD tries :one',
          ConditionExpression:
            seenTries === 0 ? 'attribute_not_exists(tries) OR tries = :seen' : 'tries = :seen',
          ExpressionAttributeValues: {
            ':now': { N: String(now) },
            ':exp': { N: seconds(expiresAt) },
            ':one': { N: '1' },
            ':seen': { N: String(seenTries) },
          },
        }),
      );
    },

    async reserveAddress(kind, address, window, max, expiresAt, count = 1) {
      if (!Number.isSafeInteger(count) || count < 1) throw new Error(`bad reservation count ${count}`);
      if (count > max) return false;
      return conditional(() =>
        table.update({
          Key: Table.key(keys.loginLimitAddress(kind, address, window)),
          UpdateExpression: 'SET expiresAt = :exp ADD tries :n',
          ConditionExpression: 'attribute_not_exists(tries) OR tries <= :room',
          ExpressionAttributeValues: {
            ':exp': { N: seconds(expiresAt) },
            ':n': { N: String(count) },
            ':room': { N: String(max - count) },
          },
        }),
      );
    },

    async recordFailure(kind, key, address, window, expiresAt) {
      const values = { ':exp': { N: seconds(expiresAt) }, ':one': { N: '1' } };
      await Promise.all([
        table.update({
          Key: Table.key(keys.loginLimitPair(kind, key, window, address)),
          UpdateExpression: 'SET expiresAt = :exp ADD fails :one',
          ExpressionAttributeValues: values,
        }),
        table.update({
          Key: Table.key(keys.loginLimitKey(kind, key, window)),
          UpdateExpression: 'SET expiresAt = :exp ADD fails :one',
          ExpressionAttributeValues: values,
        }),
      ]);
    },

    clearKey: (kind, key) => clearPartition(keys.loginLimitsOfKey(kind, key).PK),
    clearAddress: (kind, address) => clearPartition(keys.loginLimitsOfAddress(kind, address).PK),
  };
};
