// Item bank model: item kinds (what is asked and how it is scored), separate from delivery.
export type ItemKind = 'single' | 'weighted' | 'likert' | 'speed';
export type Difficulty = 'easy' | 'medium' | 'hard';

export interface ItemOption {
  /** Stable option id within the item, e.g. "a".."f". Never shown as a letter; letters follow the shuffled order. */
  id: string;
  /** Markdown subset (bold, italic, code, line breaks). */
  text: string;
  /** Optional image URL (stored in S3, served by URL). */
  image?: string;
}

interface ItemBase {
  id: string;
  bankId: string;
  /** Blueprint category, e.g. "TWK", "TIU", "TKP", "TEKNIS", "MANAJERIAL". */
  category: string;
  difficulty?: Difficulty;
  /** Markdown subset. */
  stem: string;
  image?: string;
}

/** One correct option: 5 points if chosen, 0 otherwise (TWK, TIU, PPPK technical). */
export interface SingleItem extends ItemBase {
  kind: 'single';
  options: ItemOption[];
  key: string;
}

/** Every option carries a weight: 1–5 (TKP) or 1–4 (PPPK managerial, socio-cultural, interview). */
export interface WeightedItem extends ItemBase {
  kind: 'weighted';
  options: ItemOption[];
  weights: Record<string, number>;
}

/** Likert statement (1–5), used by psychological inventories. */
export interface LikertItem extends ItemBase {
  kind: 'likert';
  trait: string;
  reverse: boolean;
}

/** Kraepelin/Pauli speed test: columns of digits generated from a seed. */
export interface SpeedItem extends ItemBase {
  kind: 'speed';
  columns: number;
  rows: number;
  columnSeconds: number;
}

export type Item = SingleItem | WeightedItem | LikertItem | SpeedItem;
export type ChoiceItem = SingleItem | WeightedItem;
