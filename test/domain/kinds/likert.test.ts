import { describe, expect, it } from 'vitest';
import type { ItemBase } from '../../../functions/domain/items.ts';
import { type LikertItem, likertKind } from '../../../functions/domain/kinds/likert.ts';

const base: ItemBase = { id: 'q', bankId: 'b', category: 'PSI', stem: 'Saya teliti.' };
const plain: LikertItem = { ...base, kind: 'likert', trait: 'C', reverse: false };
const reversed: LikertItem = { ...plain, reverse: true };

describe('likert kind', () => {
  it.each([
    ['1', 1, 5],
    ['2', 2, 4],
    ['3', 3, 3],
    ['4', 4, 2],
    ['5', 5, 1],
    ['6', 0, 0],
    ['a', 0, 0],
  ])('rating %s -> %i points, reverse-keyed %i (6 − x)', (r, straight, rev) => {
    expect(likertKind.points(plain, r, 5)).toBe(straight);
    expect(likertKind.points(reversed, r, 5)).toBe(rev);
  });

  it('responses are the fixed 1–5 scale, never shuffled; max 5; the client renders the labels', () => {
    expect(likertKind.responses(plain)).toEqual(['1', '2', '3', '4', '5']);
    expect(likertKind.shuffled).toBe(false);
    expect(likertKind.max(reversed, 5)).toBe(5);
    expect(likertKind.shown(plain)).toBeNull();
  });

  it.each([
    [
      { trait: 'C', reverse: true },
      { ok: true, item: reversed },
    ],
    [
      { trait: '', reverse: true },
      { ok: false, problems: ['trait: missing'] },
    ],
    [
      { trait: 'C', reverse: 'yes' },
      { ok: false, problems: ['reverse: must be true or false'] },
    ],
  ])('parse %j', (value, out) => {
    expect(likertKind.parse(base, value)).toEqual(out);
  });
});
