import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../web/candidate/useShortcuts.ts';

describe('shortcutFor', () => {
  it.each([
    ['n', 'next'],
    ['N', 'next'],
    ['p', 'prev'],
    ['f', 'flag'],
    ['a', 'answer'],
    ['E', 'answer'],
    ['1', 'answer'],
    ['5', 'answer'],
    ['6', null],
    ['g', null],
    ['Enter', null],
    ['ArrowDown', null],
  ])('%s -> %s', (key, action) => {
    expect(shortcutFor(key)).toBe(action);
  });
});
