// Presentation of a form to the candidate (the wire's PublicItem): options in form order, no keys, no weights.
import { DomainError } from '../domain/errors.ts';
import type { Form } from '../domain/form.ts';
import type { Item } from '../domain/items.ts';
import { kindOf } from '../domain/kinds/registry.ts';
import { type WireForm, wireForm } from '../domain/wire.ts';
import type { PublicItem } from '../schemas/candidate.ts';

/**
 * The candidate's view of a form: no keys, no weights; options in optionOrder; number = 1-based position in
 * the whole form. Ids are wire ids (domain/wire.ts): item ids keyed per attempt, option ids = display letters. An item missing from itemsById -> DomainError NOT_FOUND.
 */
export function presentForm(
  form: Form,
  itemsById: ReadonlyMap<string, Item>,
  wire: WireForm = wireForm(form, itemsById),
): PublicItem[] {
  return form.items.map((fi, i) => {
    const item = itemsById.get(fi.itemId);
    if (!item) throw new DomainError('NOT_FOUND', `item ${fi.itemId} not found`);
    const w = wire.byItem.get(fi.itemId);
    if (!w) throw new DomainError('NOT_FOUND', `item ${fi.itemId} not on the wire form`);
    const shown = kindOf(item).shown(item);
    const options =
      shown !== null
        ? fi.optionOrder.map((oid) => {
            const o = shown.find((x) => x.id === oid);
            const id = w.toWire.get(oid);
            if (!o || id === undefined)
              throw new DomainError('NOT_FOUND', `option ${oid} of item ${item.id} not found`);
            return o.image === undefined ? { id, text: o.text } : { id, text: o.text, image: o.image };
          })
        : [];
    const base = {
      itemId: w.wireId,
      number: i + 1,
      sectionId: fi.sectionId,
      kind: item.kind,
      stem: item.stem,
    };
    return item.image === undefined ? { ...base, options } : { ...base, image: item.image, options };
  });
}
