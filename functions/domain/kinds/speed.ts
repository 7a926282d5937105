// Kind `speed` (Kraepelin/Pauli): shape only. Column generation, responses and scoring are NOT implemented.
import { DomainError } from '../errors.ts';
import type { ItemBase } from '../items.ts';
import { positiveInt } from './check.ts';
import type { ItemKindModule } from './kind.ts';

/** Kraepelin/Pauli speed test: columns of digits generated from a seed. */
export interface SpeedItem extends ItemBase {
  kind: 'speed';
  columns: number;
  rows: number;
  columnSeconds: number;
}

/**
 * Serving or scoring a speed item fails loudly: what a response is (per-column sums? counts?) and how it
 * scores is not defined yet. Storing, importing and exporting speed items works.
 */
const notImplemented = (item: SpeedItem, what: string): never => {
  throw new DomainError(
    'INVALID_ITEM',
    `speed item ${item.id}: ${what} is not implemented yet (Kraepelin/Pauli items can be stored, not served or scored)`,
  );
};

export const speedKind: ItemKindModule<SpeedItem> = {
  kind: 'speed',
  parse(base, value) {
    const problems: string[] = [];
    for (const f of ['columns', 'rows', 'columnSeconds'] as const)
      if (!positiveInt(value[f])) problems.push(`${f}: must be a positive whole number`);
    if (problems.length) return { ok: false, problems };
    return {
      ok: true,
      item: {
        ...base,
        kind: 'speed',
        columns: value.columns as number,
        rows: value.rows as number,
        columnSeconds: value.columnSeconds as number,
      },
    };
  },
  responses: (item) => notImplemented(item, 'serving on a form'),
  shuffled: false,
  points: (item) => notImplemented(item, 'scoring'),
  max: (item) => notImplemented(item, 'scoring'),
  shown: () => null,
};
