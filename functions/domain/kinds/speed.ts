// Kind `speed` (Kraepelin/Pauli): shape check; no choice responses — its entries are scored by domain/psych.
import type { ItemBase } from '../items.ts';
import { KRAEPELIN_LIMITS } from '../psych/kraepelin.ts';
import type { ItemKindModule } from './kind.ts';

/** Kraepelin/Pauli speed test: columns of digits generated from a seed. */
export interface SpeedItem extends ItemBase {
  kind: 'speed';
  columns: number;
  rows: number;
  columnSeconds: number;
}

const inRange = (v: unknown, [lo, hi]: readonly [number, number]): boolean =>
  Number.isSafeInteger(v) && (v as number) >= lo && (v as number) <= hi;

/**
 * A speed item is served as a sheet (psych/kraepelin.ts: digits from the attempt seed), answered with
 * `entered` steps (column, row, digit) and scored by psych/measures.ts. It takes no choice responses and
 * adds no points to a section total: its measures live in the psych report, not in the exam score.
 */
export const speedKind: ItemKindModule<SpeedItem> = {
  kind: 'speed',
  parse(base, value) {
    const problems: string[] = [];
    for (const f of ['columns', 'rows', 'columnSeconds'] as const) {
      const [lo, hi] = KRAEPELIN_LIMITS[f];
      if (!inRange(value[f], KRAEPELIN_LIMITS[f])) problems.push(`${f}: must be a whole number ${lo}..${hi}`);
    }
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
  responses: () => [],
  shuffled: false,
  points: () => 0,
  max: () => 0,
  shown: () => null,
};
