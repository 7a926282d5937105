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
  /** Null when the kind shows no options. */
  options: ItemOptions | null;
}

interface ItemOptions {
  /** Bank option id -> its position among the shown options. */
  index: Map<string, number>;
  /** Per shown option, by position: `,"text":…[,"image":…]}`. */
  tails: string[];
  /**
   * Per (display position k, option): `[,]{"id":<wire id>,…}` (the comma when k > 0) at k × tails.length + the
   * option's position, made on first use, with the wire id it was made with (letters for a shuffled kind, the
   * option's own id for a fixed order; checked on every use). At most n² pieces per item: a form's working set
   * stays small (one memo per whole option order was slower: 120 orders of 5 options per item, ≈ 4 MB).
   */
  pieces: Array<Buffer | undefined>;
  pieceIds: Array<string | undefined>;
}

/** Pieces of every item of one exam content; immutable once built (memos grow on first use). */
export interface FormPieces {
  items: Map<string, ItemPieces>;
  /** `","number":<n>,"sectionId":<id>` per section id, by n (the quote closes the wire item id). */
  numbered: Map<string, Buffer[]>;
}

const enc = (s: string): Buffer => Buffer.from(s, 'utf8');
const q = JSON.stringify;
const ITEM_END = enc(']}');
const FIRST_ITEM = enc('{"itemId":"');
const NEXT_ITEM = enc(',{"itemId":"');

/**
 * Encodes each item the way JSON.stringify encodes presentForm()'s objects (same keys, same order), so the
 * assembled bytes equal JSON.stringify of the PublicForm. Items are keyed by id, like ExamContent.itemsById.
 */
export const encodeFormPieces = (items: readonly Item[]): FormPieces => {
  const pieces = new Map<string, ItemPieces>();
  for (const item of items) {
    const shown = kindOf(item).shown(item);
    let options: ItemOptions | null = null;
    if (shown !== null) {
      options = { index: new Map(), tails: [], pieces: [], pieceIds: [] };
      for (const o of shown) {
        if (options.index.has(o.id)) continue; // presentForm shows the first option of an id
        const image = o.image === undefined ? '' : `,"image":${q(o.image)}`;
        options.index.set(o.id, options.tails.length);
        options.tails.push(`,"text":${q(o.text)}${image}}`);
      }
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
    b = enc(`","number":${n},"sectionId":${q(sectionId)}`);
    bySection[n] = b;
  }
  return b;
};

/**
 * One growing buffer the bytes are written into (formJson is synchronous, so one per process), copied out
 * whole at the end: one pass over the pieces and one allocation per form.
 */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);
let off = 0;

const room = (n: number): void => {
  if (off + n <= scratch.length) return;
  const next = Buffer.allocUnsafeSlow(Math.max(scratch.length * 2, off + n));
  scratch.copy(next, 0, 0, off);
  scratch = next;
};

const put = (b: Buffer): void => {
  room(b.length);
  scratch.set(b, off);
  off += b.length;
};

const putString = (s: string): void => {
  room(3 * s.length);
  off += scratch.write(s, off, 'utf8');
};

/** A wire item id between its quotes: written as is when JSON needs no escape for it (hex ids never do). */
const putWireId = (id: string): void => {
  room(id.length);
  const start = off;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
      off = start;
      putString(q(id).slice(1, -1));
      return;
    }
    scratch[off++] = c;
  }
};

/**
 * JSON bytes of `{ ...header, items: presentForm(form, itemsById), serverTime }` (key order of PublicForm as the
 * service builds it). Missing item or option -> NOT_FOUND, as presentForm. Each item is the constant head, its
 * wire id, its number and section, its encoded body, one encoded piece per option and the end.
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
  off = 0;
  putString(
    `${wrap.before}{"attemptId":${q(header.attemptId)},"examId":${q(header.examId)},"examTitle":${q(header.examTitle)},"sections":${q(header.sections)},"items":[`,
  );
  const items = form.items;
  for (let i = 0; i < items.length; i++) {
    const fi = items[i] as Form['items'][number];
    const item = p.items.get(fi.itemId);
    const w = wire.byItem.get(fi.itemId);
    if (!item || !w) throw new DomainError('NOT_FOUND', `item ${fi.itemId} not found`);
    put(i > 0 ? NEXT_ITEM : FIRST_ITEM);
    putWireId(w.wireId);
    put(numberedPiece(p, i + 1, fi.sectionId));
    put(item.body);
    const o = item.options;
    const order = fi.optionOrder;
    const count = o?.tails.length ?? 0;
    for (let k = 0; o && k < order.length; k++) {
      const oid = order[k] as string;
      const at = o.index.get(oid);
      const id = w.toWire.get(oid);
      if (at === undefined || id === undefined)
        throw new DomainError('NOT_FOUND', `option ${oid} of item ${fi.itemId} not found`);
      const slot = k * count + at;
      let piece = o.pieces[slot];
      if (piece === undefined || o.pieceIds[slot] !== id) {
        piece = enc(`${k > 0 ? ',' : ''}{"id":${q(id)}${o.tails[at]}`);
        o.pieces[slot] = piece;
        o.pieceIds[slot] = id;
      }
      put(piece);
    }
    put(ITEM_END);
  }
  putString(`],"serverTime":${q(serverTime)}}${wrap.after}`);
  const out = Buffer.allocUnsafe(off);
  scratch.copy(out, 0, 0, off);
  return out as Uint8Array<ArrayBuffer>;
};
