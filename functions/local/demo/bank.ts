// Demo item bank: original SKD (TWK, TIU, TKP) and PPPK content, generated deterministically.

import type { Item } from '../../domain/items.ts';
import { pppkItems } from './pppk.ts';
import { tiuItems } from './tiu.ts';
import { tkpItems } from './tkp.ts';
import { twkItems } from './twk.ts';

/**
 * Every call returns the same items (no randomness): TWK 81, TIU 79, TKP 100 (weighted 5..1, every option a
 * distinct weight), TEKNIS 180, MANAJERIAL 50, SOSIOKULTURAL 40, WAWANCARA 20 (weighted 4..1). Keys and best
 * answers are spread over option positions. Enough for forms of skdPreset() and pppkPreset().
 */
export const demoBank = (bankId: string): Item[] => [
  ...twkItems(bankId),
  ...tiuItems(bankId),
  ...tkpItems(bankId),
  ...pppkItems(bankId),
];
