import { describe, expect, it } from 'vitest';
import type { ItemBase } from '../../../functions/domain/items.ts';
import { type SpeedItem, speedKind } from '../../../functions/domain/kinds/speed.ts';

const base: ItemBase = { id: 'k1', bankId: 'b', category: 'KRAEPELIN', stem: 'Jumlahkan' };
const item: SpeedItem = { ...base, kind: 'speed', columns: 40, rows: 60, columnSeconds: 15 };

describe('speed kind', () => {
  it.each([
    [
      { columns: 40, rows: 60, columnSeconds: 15 },
      { ok: true, item },
    ],
    [
      { columns: 0, rows: 1.5, columnSeconds: '15' },
      {
        ok: false,
        problems: [
          'columns: must be a whole number 1..100',
          'rows: must be a whole number 2..100',
          'columnSeconds: must be a whole number 1..600',
        ],
      },
    ],
  ])('parse %j', (value, out) => {
    expect(speedKind.parse(base, value)).toEqual(out);
  });

  it('takes no choice responses and adds no points (its entries are scored by domain/psych)', () => {
    expect(speedKind.responses(item)).toEqual([]);
    expect(speedKind.points(item, '1', 5)).toBe(0);
    expect(speedKind.max(item, 5)).toBe(0);
    expect(speedKind.shown(item)).toBeNull();
  });
});
