// The candidate's form as JSON bytes, assembled from per-item pieces encoded once per exam content.
import { DomainError } from '../domain/errors.ts';
import type { Form } from '../domain/form.ts';
import type { Item } from '../domain/items.ts';
import { kindOf } from '../domain/kinds/registry.ts';
import type { WireForm } from '../domain/wire.ts';
import type { PublicForm } from '../schemas/candidate.ts';

interface ItemPieces {
  /** `,"number":` follows the per-attempt wire item id. */
  /** `,"kind":…,"stem":…[,"image":…],"options":[` */
  body: Buffer;
  /** Per bank option id: `,"text":…[,"image":…]}` (after `{"id":<wire id>`); null when the kind shows no options. */
  options: Map<string, Buffer> | null;
}

/** Pieces of every item of one exam content; immutable once built. */
export interface FormPieces {
  items: Map<string, ItemPieces>;
  sections: Map<string, Buffer>;
  numbers: Buffer[];
  /** `{"id":"<wire option id>"`, memoized (a handful of letters). */
  optionHeads: Map<string, Buffer>;
}

const enc = (s: string): Buffer => Buffer.from(s, 'utf8');
const q = JSON.stringify;
const COMMA = enc(',');
const ITEM_END = enc(']}');

/**
 * Encodes each item the way JSON.stringify encodes presentForm()'s objects (same keys, same order), so the
 * assembled bytes equal JSON.stringify of the PublicForm. Items are keyed by id, like ExamContent.itemsById.
 */
export const encodeFormPieces = (items: readonly Item[]): FormPieces => {
  const pieces = new Map<string, ItemPieces>();
  for (const item of items) {
    const shown = kindOf(item).shown(item);
    const options = shown === null ? null : new Map<string, Buffer>();
    for (const o of shown ?? []) {
      const image = o.image === undefined ? '' : `,"image":${q(o.image)}`;
      options?.set(o.id, enc(`,"text":${q(o.text)}${image}}`));
    }
    const image = item.image === undefined ? '' : `,"image":${q(item.image)}`;
    pieces.set(item.id, {
      body: enc(`,"kind":${q(item.kind)},"stem":${q(item.stem)}${image},"options":[`),
      options,
    });
  }
  return { items: pieces, sections: new Map(), numbers: [], optionHeads: new Map() };
};

/** `<n>,"sectionId":"<id>"` pieces, memoized (a handful of sections, at most a few hundred numbers). */
const numberPiece = (p: FormPieces, n: number): Buffer => {
  let b = p.numbers[n];
  if (!b) {
    b = enc(String(n));
    p.numbers[n] = b;
  }
  return b;
};
const optionHead = (p: FormPieces, wireId: string): Buffer => {
  let b = p.optionHeads.get(wireId);
  if (!b) {
    b = enc(`{"id":${q(wireId)}`);
    p.optionHeads.set(wireId, b);
  }
  return b;
};
const NUMBER_HEAD = enc(',"number":');
const sectionPiece = (p: FormPieces, sectionId: string): Buffer => {
  let b = p.sections.get(sectionId);
  if (!b) {
    b = enc(`,"sectionId":${q(sectionId)}`);
    p.sections.set(sectionId, b);
  }
  return b;
};

/**
 * JSON bytes of `{ ...header, items: presentForm(form, itemsById), serverTime }` (key order of PublicForm as the
 * service builds it). Missing item or option -> NOT_FOUND, as presentForm.
 */
export const formJson = (
  p: FormPieces,
  form: Form,
  wire: WireForm,
  header: Pick<PublicForm, 'attemptId' | 'examId' | 'examTitle' | 'sections'>,
  serverTime: number,
): Uint8Array<ArrayBuffer> => {
  const out: Buffer[] = [
    enc(
      `{"attemptId":${q(header.attemptId)},"examId":${q(header.examId)},"examTitle":${q(header.examTitle)},"sections":${q(header.sections)},"items":[`,
    ),
  ];
  form.items.forEach((fi, i) => {
    const item = p.items.get(fi.itemId);
    const w = wire.byItem.get(fi.itemId);
    if (!item || !w) throw new DomainError('NOT_FOUND', `item ${fi.itemId} not found`);
    if (i > 0) out.push(COMMA);
    out.push(
      enc(`{"itemId":${q(w.wireId)}`),
      NUMBER_HEAD,
      numberPiece(p, i + 1),
      sectionPiece(p, fi.sectionId),
      item.body,
    );
    if (item.options)
      fi.optionOrder.forEach((oid, k) => {
        const o = item.options?.get(oid);
        const id = w.toWire.get(oid);
        if (!o || id === undefined)
          throw new DomainError('NOT_FOUND', `option ${oid} of item ${fi.itemId} not found`);
        if (k > 0) out.push(COMMA);
        out.push(optionHead(p, id), o);
      });
    out.push(ITEM_END);
  });
  out.push(enc(`],"serverTime":${q(serverTime)}}`));
  return Buffer.concat(out);
};
