import { describe, expect, it } from 'vitest';
import { choiceForKey, choiceLetter } from '../../../web/candidate/letters.ts';

const single = {
  kind: 'single' as const,
  options: ['o7', 'o2', 'o9', 'o1', 'o4'].map((id) => ({ id, text: id })),
};
const likert = { kind: 'likert' as const, options: [] };

describe('choiceLetter', () => {
  it.each([
    ['o7', 'A'],
    ['o9', 'C'],
    ['o4', 'E'],
    ['zz', '?'],
  ])('%s is shown as %s (displayed position)', (choice, letter) => {
    expect(choiceLetter(single, choice)).toBe(letter);
  });
  it('shows nothing for no choice and the value for Likert', () => {
    expect(choiceLetter(single, null)).toBe('');
    expect(choiceLetter(likert, '4')).toBe('4');
  });
});

describe('choiceForKey', () => {
  it.each([
    ['a', 'o7'],
    ['B', 'o2'],
    ['1', 'o7'],
    ['5', 'o4'],
    ['e', 'o4'],
    ['6', null],
    ['ArrowDown', null],
    ['F', null],
  ])('key %s picks %s', (key, id) => {
    expect(choiceForKey(single, key)).toBe(id);
  });
  it('maps 1–5 and A–E to Likert values', () => {
    expect(choiceForKey(likert, '3')).toBe('3');
    expect(choiceForKey(likert, 'b')).toBe('2');
    expect(choiceForKey({ kind: 'speed', options: [] }, '1')).toBeNull();
  });
});
