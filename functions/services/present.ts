// Presentation of a form to the candidate (the wire's PublicItem): options in form order, no keys, no weights.
import { DomainError } from '../domain/errors.ts';
import type { Form } from '../domain/form.ts';
import type { Item } from '../domain/items.ts';
import { kindOf } from '../domain/kinds/registry.ts';
import type { PublicItem } from '../schemas/candidate.ts';

/**
 * The candidate's view of a form: no keys, no weights; options in optionOrder; number = 1-based position in
 * the whole form. An item missing from itemsById -> DomainError NOT_FOUND.
 */
export function presentForm(form: Form, itemsById: ReadonlyMap<string, Item>): PublicItem[] {
  return form.items.map((fi, i) => {
    const item = itemsById.get(fi.itemId);
    if (!item) throw new DomainError('NOT_FOUND', `item ${fi.itemId} not found`);
    const shown = kindOf(item).shown(item);
    const options =
      shown !== null
        ? fi.optionOrder.map((oid) => {
            const o = shown.find((x) => x.id === oid);
            if (!o) throw new DomainError('NOT_FOUND', `option ${oid} of item ${item.id} not found`);
            return o.image === undefined
              ? { id: o.id, text: o.text }
              : { id: o.id, text: o.text, image: o.image };
          })
        : [];
    const base = {
      itemId: item.id,
      number: i + 1,
      sectionId: fi.sectionId,
      kind: item.kind,
      stem: item.stem,
    };
    return item.image === undefined ? { ...base, options } : { ...base, image: item.image, options };
  });
}
