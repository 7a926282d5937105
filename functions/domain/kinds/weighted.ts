// Kind `weighted`: every option carries a weight, the chosen option's weight is the points (TKP 1–5, PPPK 1–4).
import type { ItemBase, ItemOption } from '../items.ts';
import { checkOptions, isObject } from './check.ts';
import type { ItemKindModule } from './kind.ts';

export interface WeightedItem extends ItemBase {
  kind: 'weighted';
  options: ItemOption[];
  weights: Record<string, number>;
}

export const weightedKind: ItemKindModule<WeightedItem> = {
  kind: 'weighted',
  parse(base, value) {
    const problems: string[] = [];
    const options = checkOptions(value.options, problems);
    const raw = value.weights;
    const weights: Record<string, number> = {};
    if (!isObject(raw)) problems.push('weights: missing');
    else if (options) {
      const ids = new Set(options.map((o) => o.id));
      for (const o of options)
        if (raw[o.id] === undefined) problems.push(`weights: option ${o.id} has no weight`);
      for (const [k, w] of Object.entries(raw)) {
        if (!ids.has(k)) problems.push(`weights: weight for unknown option ${k}`);
        else if (typeof w !== 'number' || !Number.isFinite(w))
          problems.push(`weights: weight of option ${k} is not a number`);
        else weights[k] = w;
      }
    }
    if (problems.length || !options) return { ok: false, problems };
    return { ok: true, item: { ...base, kind: 'weighted', options, weights } };
  },
  responses: (item) => item.options.map((o) => o.id),
  shuffled: true,
  points: (item, response) => item.weights[response] ?? 0,
  max: (item) => Math.max(0, ...Object.values(item.weights)),
  shown: (item) => item.options,
};
