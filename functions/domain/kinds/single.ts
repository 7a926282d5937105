// Kind `single`: one key among the options; correctPoints if chosen, 0 otherwise (TWK, TIU, PPPK technical).
import type { ItemBase, ItemOption } from '../items.ts';
import { checkOptions, nonEmptyString } from './check.ts';
import type { ItemKindModule } from './kind.ts';

export interface SingleItem extends ItemBase {
  kind: 'single';
  options: ItemOption[];
  key: string;
}

export const singleKind: ItemKindModule<SingleItem> = {
  kind: 'single',
  parse(base, value) {
    const problems: string[] = [];
    const options = checkOptions(value.options, problems);
    const key = value.key;
    if (!nonEmptyString(key)) problems.push('key: missing');
    else if (options && !options.some((o) => o.id === key))
      problems.push(`key: key ${key} is not one of the options`);
    if (problems.length || !options || !nonEmptyString(key)) return { ok: false, problems };
    return { ok: true, item: { ...base, kind: 'single', options, key } };
  },
  responses: (item) => item.options.map((o) => o.id),
  shuffled: true,
  points: (item, response, correctPoints) => (response === item.key ? correctPoints : 0),
  max: (_item, correctPoints) => correctPoints,
  shown: (item) => item.options,
};
