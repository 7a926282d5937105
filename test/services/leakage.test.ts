// No key leakage: strategies that read only the form JSON sent to the browser score no better than chance.
import { describe, expect, it } from 'vitest';
import type { Exam } from '../../functions/domain/exam.ts';
import { buildForm, prepareBank } from '../../functions/domain/form.ts';
import type { Item } from '../../functions/domain/items.ts';
import { pppkPreset, skdPreset } from '../../functions/domain/presets.ts';
import { sha256Hex } from '../../functions/domain/seed.ts';
import { wireForm } from '../../functions/domain/wire.ts';
import { demoBank } from '../../functions/local/demo/bank.ts';
import type { PublicItem } from '../../functions/schemas/candidate.ts';
import { presentForm } from '../../functions/services/present.ts';

type Strategy = (item: PublicItem) => string[];

/** Numbers as the demo writes them: 1.250.000, Rp1.250.000, 12,5. NaN when an option is not a number. */
const numberOf = (text: string): number => {
  const t = text.replace(/^Rp/, '').replace(/\./g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
};
const words = (s: string): Set<string> => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);
/** The option ids with the best score (ties: all of them, the player takes the first shown). */
const best = (item: PublicItem, score: (o: PublicItem['options'][number]) => number): string[] => {
  const scores = item.options.map(score);
  if (scores.some(Number.isNaN)) return [];
  const top = Math.max(...scores);
  return item.options.filter((_, i) => scores[i] === top).map((o) => o.id);
};
const numeric = (item: PublicItem) => item.options.map((o) => numberOf(o.text));

/** Named strategies; each returns its preferred options (first = the one played; [] = not applicable). */
const STRATEGIES: Record<string, Strategy> = {
  'always the first shown (A)': (i) => [i.options[0]?.id ?? ''],
  'always the last shown': (i) => [i.options.at(-1)?.id ?? ''],
  'lowest option id': (i) => [[...i.options.map((o) => o.id)].sort()[0] ?? ''],
  'highest option id': (i) => [[...i.options.map((o) => o.id)].sort().at(-1) ?? ''],
  'same letter as the item id ends with': (i) => {
    const ids = i.options.map((o) => o.id);
    return [ids[Number.parseInt(i.itemId.slice(-1), 16) % ids.length] ?? ''];
  },
  'median of the numbers': (i) => {
    const ns = numeric(i);
    if (ns.some(Number.isNaN)) return [];
    const median = [...ns].sort((a, b) => a - b)[Math.floor(ns.length / 2)];
    return i.options.filter((_, k) => ns[k] === median).map((o) => o.id);
  },
  'highest number': (i) => best(i, (o) => numberOf(o.text)),
  'lowest number': (i) => best(i, (o) => -numberOf(o.text)),
  'longest text': (i) => best(i, (o) => o.text.length),
  'shortest text': (i) => best(i, (o) => -o.text.length),
  'most words shared with the stem': (i) => {
    const stem = words(i.stem);
    return best(i, (o) => [...words(o.text)].filter((w) => stem.has(w)).length);
  },
};

const bank = demoBank('demo');
const byId = new Map(bank.map((i) => [i.id, i]));
const prepared = prepareBank(bank);
const ATTEMPTS = 100;

interface Tally {
  /** single items: answers, hits, distinct items seen */
  n: number;
  hits: number;
  items: Set<string>;
  /** weighted items: answers, Σ weight chosen, Σ mean weight of the item (chance), distinct items */
  wn: number;
  wsum: number;
  wchance: number;
  witems: Set<string>;
}

/** The weighted sections measured on their own as well as together: SKD's TKP and PPPK's situational items. */
const SECTIONS: Record<string, (category: string) => boolean> = {
  'all weighted': () => true,
  TKP: (c) => c === 'TKP',
  'PPPK MANAJERIAL/SOSIOKULTURAL/WAWANCARA': (c) => c !== 'TKP',
};

interface Served {
  shown: PublicItem;
  toBank: ReadonlyMap<string, string>;
  item: Item;
}

/** Every item served on ATTEMPTS forms of each exam, as the browser receives it, with the server's mapping. */
const serve = (exams: Exam[]): Served[] => {
  const out: Served[] = [];
  for (const exam of exams)
    for (let a = 0; a < ATTEMPTS; a++) {
      const form = buildForm(exam, prepared, sha256Hex(`leak|${exam.id}|${a}`));
      const wire = wireForm(form, byId);
      // What the browser receives: the presented form (the bytes of GET form equal its JSON; see app tests).
      const shown: PublicItem[] = JSON.parse(JSON.stringify(presentForm(form, byId, wire)));
      for (const pi of shown) {
        const w = wire.byWire.get(pi.itemId);
        const item = w && byId.get(w.itemId);
        if (!w || !item) throw new Error('wire id not on the form');
        out.push({ shown: pi, toBank: w.toBank, item });
      }
    }
  return out;
};

const play = (served: readonly Served[], strategy: Strategy, section = SECTIONS['all weighted']): Tally => {
  const t: Tally = { n: 0, hits: 0, items: new Set(), wn: 0, wsum: 0, wchance: 0, witems: new Set() };
  for (const { shown, toBank, item } of served) {
    const pick = strategy(shown)[0] ?? shown.options[0]?.id; // not applicable: the first shown
    const choice = pick === undefined ? undefined : toBank.get(pick);
    if (item.kind === 'single') {
      t.n++;
      t.items.add(item.id);
      if (choice === item.key) t.hits++;
    } else if (item.kind === 'weighted' && section?.(item.category)) {
      const ws = Object.values(item.weights);
      t.wn++;
      t.witems.add(item.id);
      t.wsum += choice === undefined ? 0 : (item.weights[choice] ?? 0);
      t.wchance += ws.reduce((x, y) => x + y, 0) / ws.length;
    }
  }
  return t;
};

const served = serve([skdPreset({ id: 'skd', bankId: 'demo' }), pppkPreset({ id: 'pppk', bankId: 'demo' })]);

const weightedBound = (t: Tally) => 4 * Math.sqrt(2 / t.wn) + 3 * Math.sqrt(2 / t.witems.size);

/**
 * Bound (stated): under "the strategy carries no information about the key", a single-item answer hits
 * with p0 = 1/5. Two sources of noise: the shuffle per attempt (n answers: sd √(p0(1−p0)/n)) and, for
 * strategies that read the content, which items the bank happens to hold (M distinct items: sd
 * √(p0(1−p0)/M)). The hit rate must lie within 4·√(p0(1−p0)/n) + 3·√(p0(1−p0)/M) of p0. Weighted items:
 * the mean weight chosen against the mean weight of the items (chance), with the weight variance ≤ 2
 * (1..5 uniform) in place of p0(1−p0).
 */
/** |mean weight chosen − chance| against the bound, as a message the failure prints. */
const weightedGap = (t: Tally) => ({
  mean: t.wsum / t.wn,
  chance: t.wchance / t.wn,
  gap: Math.abs(t.wsum / t.wn - t.wchance / t.wn),
  bound: weightedBound(t),
});

describe('no key leakage from the form JSON', () => {
  it.each(Object.keys(STRATEGIES))('%s: scores within noise of chance', (name) => {
    const t = play(served, STRATEGIES[name] as Strategy);
    const p0 = 0.2;
    const rate = t.hits / t.n;
    const bound = 4 * Math.sqrt((p0 * (1 - p0)) / t.n) + 3 * Math.sqrt((p0 * (1 - p0)) / t.items.size);
    expect(t.items.size).toBeGreaterThan(300); // SKD TWK+TIU and PPPK TEKNIS single items were all seen
    expect(
      Math.abs(rate - p0),
      `${name}: hit rate ${rate.toFixed(3)} vs 0.2 ± ${bound.toFixed(3)}`,
    ).toBeLessThan(bound);
  });

  /**
   * Weighted items: chance is the expected weight of a random pick, i.e. the mean weight of the item's
   * options (3 for TKP 1..5, 2.5 for PPPK 1..4), averaged over the items served. Every strategy, the
   * text-length ones included, must score within the bound of it, on all weighted items and on each
   * weighted section alone.
   */
  const cases = Object.keys(STRATEGIES).flatMap((name) => Object.keys(SECTIONS).map((sec) => [name, sec]));
  it.each(cases)('%s on %s: mean weight within noise of the mean option weight', (name, sec) => {
    const t = play(served, STRATEGIES[name] as Strategy, SECTIONS[sec]);
    expect(t.witems.size).toBeGreaterThanOrEqual(sec === 'all weighted' ? 200 : 90); // every weighted item seen
    const { mean, chance, gap, bound } = weightedGap(t);
    expect(
      gap,
      `${name} on ${sec}: mean weight ${mean.toFixed(3)} vs ${chance.toFixed(3)} ± ${bound.toFixed(3)}`,
    ).toBeLessThan(bound);
  });

  it('the check has teeth: a synthetic bank whose best response is the longest text fails it', () => {
    // The same served items, texts rewritten so that length grows with the weight (the leak the demo had).
    const leaky: Served[] = served.map((s) => {
      const { item } = s;
      if (item.kind !== 'weighted') return s;
      const options = s.shown.options.map((o) => {
        const w = item.weights[s.toBank.get(o.id) ?? ''] ?? 0;
        return { ...o, text: `Tanggapan ${'dengan rinci '.repeat(w)}` };
      });
      return { ...s, shown: { ...s.shown, options } };
    });
    for (const name of ['longest text', 'shortest text']) {
      const { gap, bound } = weightedGap(play(leaky, STRATEGIES[name] as Strategy));
      expect(gap, name).toBeGreaterThan(3 * bound);
    }
    // ...while the position strategies, blind to the texts, still pass on it.
    const { gap, bound } = weightedGap(play(leaky, STRATEGIES['always the first shown (A)'] as Strategy));
    expect(gap).toBeLessThan(bound);
  });
});
