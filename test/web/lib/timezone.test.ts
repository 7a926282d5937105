import { describe, expect, it } from 'vitest';
import { zoneLabel } from '../../../web/lib/timezone.ts';

describe('zoneLabel', () => {
  it.each([
    [420, 'WIB'],
    [480, 'WITA'],
    [540, 'WIT'],
    [0, 'UTC+0'],
    [-300, 'UTC−5'],
    [330, 'UTC+5:30'],
  ])('%i -> %s', (offset, label) => {
    expect(zoneLabel(offset)).toBe(label);
  });
});
