import { describe, expect, it } from 'vitest';
import { nextCell } from '../../../web/candidate/roving.ts';

// Two sections laid out 3 columns wide: section 1 has 4 cells (rows y=0,10), section 2 has 3 (row y=30).
const cells = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 20, y: 0 },
  { x: 0, y: 10 },
  { x: 0, y: 30 },
  { x: 10, y: 30 },
  { x: 20, y: 30 },
];

describe('nextCell', () => {
  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 6, null],
    ['ArrowLeft', 4, 3],
    ['ArrowLeft', 0, null],
    ['Home', 5, 0],
    ['End', 1, 6],
    ['ArrowDown', 2, 3], // the next row holds one cell: the closest column wins
    ['ArrowDown', 3, 4], // across the section break
    ['ArrowDown', 5, null],
    ['ArrowUp', 6, 3],
    ['ArrowUp', 1, null],
    ['Enter', 1, null],
    ['a', 1, null],
  ] as const)('%s from %i -> %s', (key, from, to) => {
    expect(nextCell(key, from, cells)).toBe(to);
  });

  it('refuses an index outside the cells', () => {
    expect(nextCell('ArrowRight', 9, cells)).toBeNull();
    expect(nextCell('ArrowRight', 0, [])).toBeNull();
  });
});
