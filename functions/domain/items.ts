// Item bank model: the fields every item has; each kind's own fields and rules live in kinds/.
import type { LikertItem } from './kinds/likert.ts';
import type { SingleItem } from './kinds/single.ts';
import type { SpeedItem } from './kinds/speed.ts';
import type { WeightedItem } from './kinds/weighted.ts';

export type { LikertItem, SingleItem, SpeedItem, WeightedItem };
export type Difficulty = 'easy' | 'medium' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

export interface ItemOption {
  /** Stable option id within the item, e.g. "a".."f". Never shown as a letter; letters follow the shuffled order. */
  id: string;
  /** Markdown subset (bold, italic, code, line breaks). */
  text: string;
  /** Optional image URL (stored in S3, served by URL). */
  image?: string;
}

export interface ItemBase {
  id: string;
  bankId: string;
  /** Blueprint category, e.g. "TWK", "TIU", "TKP", "TEKNIS", "MANAJERIAL". */
  category: string;
  difficulty?: Difficulty;
  /** Markdown subset. */
  stem: string;
  image?: string;
}

/** Every item kind (one module each in kinds/, listed in kinds/registry.ts). */
export type Item = SingleItem | WeightedItem | LikertItem | SpeedItem;
export type ItemKind = Item['kind'];
export type ChoiceItem = SingleItem | WeightedItem;
