import { describe, expect, it } from 'vitest';
import type { ItemBase } from '../../../functions/domain/items.ts';
import { type SpeedItem, speedKind } from '../../../functions/domain/kinds/speed.ts';

const base: ItemBase = { id: 'k1', bankId: 'b', category: 'KRAEPELIN', stem: 'Jumlahkan' };
const item: SpeedItem = { ...base, kind: 'speed', columns: 40, rows: 60, columnSeconds: 15 };

describe('speed kind (shape only; serving and scoring not implemented)', () => {
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
          'columns: must be a positive whole number',
          'rows: must be a positive whole number',
          'columnSeconds: must be a positive whole number',
        ],
      },
    ],
  ])('parse %j', (value, out) => {
    expect(speedKind.parse(base, value)).toEqual(out);
  });

  it.each([
    ['responses', () => speedKind.responses(item)],
    ['points', () => speedKind.points(item, '1', 5)],
    ['max', () => speedKind.max(item, 5)],
  ])('%s throws INVALID_ITEM saying it is not implemented', (_n, f) => {
    expect(f).toThrow(
      expect.objectContaining({ code: 'INVALID_ITEM', message: expect.stringMatching(/not implemented/) }),
    );
  });
});
