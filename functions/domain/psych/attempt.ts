// Psych scoring of one attempt from its replayed log: Big Five factors from likert answers, Kraepelin measures.
import type { Form } from '../form.ts';
import type { Item } from '../items.ts';
import type { ReplayView } from '../replay.ts';
import { type KraepelinConfig, type KraepelinEntry, kraepelinColumns, outsideSheet } from './kraepelin.ts';
import {
  DEFAULT_LIKERT_OPTIONS,
  type FactorScore,
  type LikertKey,
  type LikertOptions,
  scoreLikert,
} from './likert.ts';
import { type ColumnTally, type KraepelinMeasures, kraepelinMeasures, tallyColumns } from './measures.ts';

export interface SpeedResult {
  itemId: string;
  config: KraepelinConfig;
  /** Server time the sheet was opened (first speedStarted step); null: never started, nothing counts. */
  startedAt: number | null;
  tallies: ColumnTally[];
  measures: KraepelinMeasures;
  /** Acknowledged entries that cannot be tallied: outside the sheet, or for a sheet never started (the save
   * path refuses both, so a well-formed log has none). */
  discarded: number;
}

export interface PsychResult {
  factors: FactorScore[];
  speed: SpeedResult[];
}

/**
 * Scores the likert and speed items of a form. Likert: the counted answer per item ('1'..'5', anything
 * else = blank) through scoreLikert with trait = factor, factors ordered by their first item id. Speed: the
 * counted `entered` steps of the item — exactly the entries the server acknowledged (replay drops those it
 * recorded as refused, e.g. `columnClosed`) — tallied against the sheet derived from the seed. The column
 * timing and the pauses were judged on the save path when the entry was recorded (DESIGN hot path rule 5:
 * acknowledged ⇔ scored); scoring does not judge them again, so an entry a cache up to its maximum age stale
 * admitted at a pause edge counts, as an answer admitted just after a submit does.
 */
export function scorePsych(
  form: Form,
  itemsById: ReadonlyMap<string, Item>,
  view: Pick<ReplayView, 'answers' | 'entries' | 'speedStarts'>,
  likert: LikertOptions = DEFAULT_LIKERT_OPTIONS,
): PsychResult {
  const keys: LikertKey[] = [];
  const responses = new Map<string, number | null>();
  const speed: SpeedResult[] = [];
  for (const fi of form.items) {
    const item = itemsById.get(fi.itemId);
    if (item?.kind === 'likert') {
      keys.push({ itemId: item.id, factor: item.trait, reverse: item.reverse });
      const a = view.answers.get(item.id);
      responses.set(item.id, a !== null && a !== undefined && /^[1-5]$/.test(a) ? Number(a) : null);
    } else if (item?.kind === 'speed') {
      const config = { columns: item.columns, rows: item.rows, columnSeconds: item.columnSeconds };
      const startedAt = view.speedStarts.get(item.id) ?? null;
      const mine = view.entries.filter((e) => e.itemId === item.id);
      // Only the sheet's shape is checked (a position outside it cannot be tallied); timing is not re-judged.
      const counted: KraepelinEntry[] =
        startedAt === null ? [] : mine.filter((e) => !outsideSheet(e, config));
      const tallies = tallyColumns(kraepelinColumns(form.seed, item.id, config), counted);
      speed.push({
        itemId: item.id,
        config,
        startedAt,
        tallies,
        measures: kraepelinMeasures(tallies),
        discarded: mine.length - counted.length,
      });
    }
  }
  // Factors in the order of their first item by bank id, so every form of an exam lists them alike.
  keys.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  return { factors: keys.length ? scoreLikert(keys, responses, likert) : [], speed };
}
