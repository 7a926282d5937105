// The candidate's form as JSON bytes, assembled from per-item pieces encoded once per exam content.
import { DomainError } from '../domain/errors.ts';
import type { Form } from '../domain/form.ts';
import type { Item } from '../domain/items.ts';
import { kindOf } from '../domain/kinds/registry.ts';
import type { WireForm } from '../domain/wire.ts';
import type { PublicForm } from '../schemas/candidate.ts';

interface ItemPieces {
  /** `,"kind":…,"stem":…[,"image":…],"options":[` */
  body: Buffer;
  /**
   * Per bank option id, per display position k: `[,]{"id":<wire id>,"text":…[,"image":…]}` (the comma when k > 0),
   * made on first use; the wire id at a position is fixed for an item (letters, or a fixed order's own ids),
   * and is checked on every use. Null when the kind shows no options.
   */
  options: Map<string, OptionPieces> | null;
}

interface OptionPieces {
  /** `,"text":…[,"image":…]}` */
  tail: string;
  at: Array<{ wireId: string; bytes: Buffer } | undefined>;
}

/** Pieces of every item of one exam content; immutable once built (memos grow on first use). */
export interface FormPieces {
  items: Map<string, ItemPieces>;
  /** `,"number":<n>,"sectionId":<id>` per section id, by n. */
  numbered: Map<string, Buffer[]>;
}

const enc = (s: string): Buffer => Buffer.from(s, 'utf8');
const q = JSON.stringify;
const ITEM_END = enc(']}');

/**
 * Encodes each item the way JSON.stringify encodes presentForm()'s objects (same keys, same order), so the
 * assembled bytes equal JSON.stringify of the PublicForm. Items are keyed by id, like ExamContent.itemsById.
 */
export const encodeFormPieces = (items: readonly Item[]): FormPieces => {
  const pieces = new Map<string, ItemPieces>();
  for (const item of items) {
    const shown = kindOf(item).shown(item);
    const options = shown === null ? null : new Map<string, OptionPieces>();
    for (const o of shown ?? []) {
      const image = o.image === undefined ? '' : `,"image":${q(o.image)}`;
      options?.set(o.id, { tail: `,"text":${q(o.text)}${image}}`, at: [] });
    }
    const image = item.image === undefined ? '' : `,"image":${q(item.image)}`;
    pieces.set(item.id, {
      body: enc(`,"kind":${q(item.kind)},"stem":${q(item.stem)}${image},"options":[`),
      options,
    });
  }
  return { items: pieces, numbered: new Map() };
};

const numberedPiece = (p: FormPieces, n: number, sectionId: string): Buffer => {
  let bySection = p.numbered.get(sectionId);
  if (!bySection) {
    bySection = [];
    p.numbered.set(sectionId, bySection);
  }
  let b = bySection[n];
  if (!b) {
    b = enc(`,"number":${n},"sectionId":${q(sectionId)}`);
    bySection[n] = b;
  }
  return b;
};

const optionPiece = (o: OptionPieces, k: number, wireId: string): Buffer => {
  const memo = o.at[k];
  if (memo?.wireId === wireId) return memo.bytes;
  const bytes = enc(`${k > 0 ? ',' : ''}{"id":${q(wireId)}${o.tail}`);
  o.at[k] = { wireId, bytes };
  return bytes;
};

/**
 * JSON bytes of `{ ...header, items: presentForm(form, itemsById), serverTime }` (key order of PublicForm as the
 * service builds it). Missing item or option -> NOT_FOUND, as presentForm. Two passes: collect the pieces (all
 * encoded before, except each item's wire id) and the length, then copy them into one buffer.
 */
export const formJson = (
  p: FormPieces,
  form: Form,
  wire: WireForm,
  header: Pick<PublicForm, 'attemptId' | 'examId' | 'examTitle' | 'sections'>,
  serverTime: number,
  /** Bytes around the form: start sends `{...state,"form":<form>}` in one response. */
  wrap: { before: string; after: string } = { before: '', after: '' },
): Uint8Array<ArrayBuffer> => {
  const parts: Array<Buffer | string> = [
    enc(
      `${wrap.before}{"attemptId":${q(header.attemptId)},"examId":${q(header.examId)},"examTitle":${q(header.examTitle)},"sections":${q(header.sections)},"items":[`,
    ),
  ];
  let length = 0;
  form.items.forEach((fi, i) => {
    const item = p.items.get(fi.itemId);
    const w = wire.byItem.get(fi.itemId);
    if (!item || !w) throw new DomainError('NOT_FOUND', `item ${fi.itemId} not found`);
    const head = `${i > 0 ? ',' : ''}{"itemId":${q(w.wireId)}`;
    length += Buffer.byteLength(head);
    parts.push(head, numberedPiece(p, i + 1, fi.sectionId), item.body);
    if (item.options)
      fi.optionOrder.forEach((oid, k) => {
        const o = item.options?.get(oid);
        const id = w.toWire.get(oid);
        if (!o || id === undefined)
          throw new DomainError('NOT_FOUND', `option ${oid} of item ${fi.itemId} not found`);
        parts.push(optionPiece(o, k, id));
      });
    parts.push(ITEM_END);
  });
  parts.push(enc(`],"serverTime":${q(serverTime)}}${wrap.after}`));
  for (const part of parts) if (typeof part !== 'string') length += part.length;
  const out = Buffer.allocUnsafe(length);
  let off = 0;
  for (const part of parts) {
    if (typeof part === 'string') off += out.write(part, off);
    else {
      out.set(part, off);
      off += part.length;
    }
  }
  return out as Uint8Array<ArrayBuffer>;
};
