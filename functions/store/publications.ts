// Publication version pointer (PUBLICATION#id / POINTER): conditional claims of version numbers and the latest
// completed version, so two publishers never write the same version and the pointer never moves backwards.
import { DomainError } from '../domain/errors.ts';
import { keys, TABLE_KEYS } from './keys.ts';
import type { Table } from './table.ts';
import type { PublicationPointerRepo, PublicationState } from './types.ts';

const keyAttrs = (pubId: string) => {
  const k = keys.publicationPointer(pubId);
  return { [TABLE_KEYS.partitionKey]: { S: k.PK }, [TABLE_KEYS.sortKey]: { S: k.SK } };
};

/** A failed condition is `false` (another publisher moved first); anything else throws. */
const conditional = async (write: () => Promise<unknown>): Promise<boolean> => {
  try {
    await write();
    return true;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'CONFLICT') return false;
    throw e;
  }
};

export const createPublicationPointerRepo = (table: Table): PublicationPointerRepo => ({
  async get(pubId: string): Promise<PublicationState> {
    const item = await table.get(keys.publicationPointer(pubId), true);
    const claimed = item?.claimed?.N;
    const latest = item?.latest?.S;
    return {
      claimed: claimed === undefined ? 0 : Number(claimed),
      latest: latest === undefined ? undefined : JSON.parse(latest),
    };
  },

  /** Claims version `next` iff the highest claimed version is still `seen` (0 = none claimed yet). */
  claim(pubId: string, seen: number, next: number): Promise<boolean> {
    return conditional(() =>
      table.update({
        Key: keyAttrs(pubId),
        UpdateExpression: 'SET #c = :next',
        ConditionExpression: seen === 0 ? 'attribute_not_exists(#c)' : '#c = :seen',
        ExpressionAttributeNames: { '#c': 'claimed' },
        ExpressionAttributeValues:
          seen === 0
            ? { ':next': { N: String(next) } }
            : { ':next': { N: String(next) }, ':seen': { N: String(seen) } },
      }),
    );
  },

  /** Moves the latest pointer to `version` iff it is newer than the stored one: never backwards. */
  advance(pubId: string, version: number, pointer: object): Promise<boolean> {
    return conditional(() =>
      table.update({
        Key: keyAttrs(pubId),
        UpdateExpression: 'SET #v = :v, #l = :l',
        ConditionExpression: 'attribute_not_exists(#v) OR #v < :v',
        ExpressionAttributeNames: { '#v': 'latestVersion', '#l': 'latest' },
        ExpressionAttributeValues: { ':v': { N: String(version) }, ':l': { S: JSON.stringify(pointer) } },
      }),
    );
  },
});
