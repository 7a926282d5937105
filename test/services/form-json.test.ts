// The form's byte assembly: exactly JSON.stringify of the presented form, for every kind, any text, any form.
import { describe, expect, it } from 'vitest';
import type { Form } from '../../functions/domain/form.ts';
import type { Item } from '../../functions/domain/items.ts';
import { type WireForm, type WireItem, wireForm } from '../../functions/domain/wire.ts';
import { encodeFormPieces, formJson } from '../../functions/services/form-json.ts';
import { presentForm } from '../../functions/services/present.ts';

const items: Item[] = [
  {
    id: 'q1',
    bankId: 'b',
    category: 'TWK',
    kind: 'single',
    stem: 'Pilih yang “benar” — \\ "kutip" \u2028 ñ 🙂',
    image: 'https://img.example/q1.png',
    options: ['a', 'b', 'c', 'd', 'e'].map((o) => ({ id: o, text: `Pilihan ${o} — “${o}”` })),
    key: 'c',
  },
  {
    id: 'q2',
    bankId: 'b',
    category: 'TKP',
    kind: 'weighted',
    stem: 'Sikap Anda?',
    options: [
      { id: 'a', text: 'A', image: 'https://img.example/a.png' },
      { id: 'b', text: 'B' },
      { id: 'c', text: 'C' },
    ],
    weights: { a: 1, b: 3, c: 5 },
  },
  {
    id: 'p1',
    bankId: 'b',
    category: 'BIG5',
    kind: 'likert',
    stem: 'Saya teliti.',
    trait: 'C',
    reverse: true,
  },
  {
    id: 'k1',
    bankId: 'b',
    category: 'KRAEPELIN',
    kind: 'speed',
    stem: 'Kraepelin',
    columns: 3,
    rows: 5,
    columnSeconds: 10,
  },
];
const itemsById = new Map(items.map((i) => [i.id, i]));
const header = {
  attemptId: 'att-“1”',
  examId: 'x',
  examTitle: 'Ujian — 2026',
  sections: [
    { id: 'TWK', title: 'TWK', count: 2 },
    { id: 'PSI', title: 'Psikotes', count: 2 },
  ],
};

const formOf = (seed: string, orders: Record<string, string[]>, order: string[]): Form => ({
  examId: 'x',
  examVersion: 1,
  seed,
  items: order.map((itemId) => ({
    itemId,
    sectionId: itemId.startsWith('q') ? 'TWK' : 'PSI',
    optionOrder: orders[itemId] ?? [],
  })),
});

const expected = (form: Form, wire: WireForm, serverTime: number): string =>
  JSON.stringify({ ...header, items: presentForm(form, itemsById, wire), serverTime });

describe('formJson', () => {
  const pieces = encodeFormPieces(items);

  it('equals JSON.stringify of the presented form, form after form from the same pieces', () => {
    const forms = [
      formOf('s1', { q1: ['e', 'd', 'c', 'b', 'a'], q2: ['c', 'a', 'b'] }, ['q1', 'q2', 'p1', 'k1']),
      formOf('s2', { q1: ['b', 'a', 'e', 'c', 'd'], q2: ['a', 'b', 'c'] }, ['q2', 'q1', 'k1', 'p1']),
      formOf('s3', { q1: ['a', 'b', 'c', 'd', 'e'], q2: ['b', 'c', 'a'] }, ['p1', 'k1', 'q2', 'q1']),
    ];
    for (const [n, form] of forms.entries()) {
      const wire = wireForm(form, itemsById);
      const bytes = Buffer.from(formJson(pieces, form, wire, header, 1_780_000_000_000 + n));
      expect(bytes.toString('utf8')).toBe(expected(form, wire, 1_780_000_000_000 + n));
    }
  });

  it('an option shown at a position under another wire id than last time is encoded anew', () => {
    const form = formOf('s4', { q1: ['a', 'b', 'c', 'd', 'e'], q2: ['a', 'b', 'c'] }, ['q1', 'q2']);
    const wire = wireForm(form, itemsById);
    formJson(pieces, form, wire, header, 1);
    const q1 = wire.byItem.get('q1') as WireItem;
    const renamed: WireItem = { ...q1, toWire: new Map(['a', 'b', 'c', 'd', 'e'].map((o) => [o, `x-${o}`])) };
    const other: WireForm = { byWire: wire.byWire, byItem: new Map([...wire.byItem, ['q1', renamed]]) };
    const bytes = Buffer.from(formJson(pieces, form, other, header, 2)).toString('utf8');
    expect(bytes).toBe(expected(form, other, 2));
    expect(bytes).toContain('{"id":"x-a","text":"Pilihan a');
  });

  it.each([
    ['a quote and a backslash', 'id-"q"\\b'],
    ['a control character', 'id\u0001x'],
    ['non-ASCII', 'id-ñ-🙂'],
    ['plain ASCII', 'id-plain'],
  ])('an item wire id with %s is escaped as JSON.stringify escapes it', (_, wireId) => {
    const form = formOf('s8', { q1: ['b', 'a', 'c', 'd', 'e'] }, ['q1', 'p1']);
    const wire = wireForm(form, itemsById);
    const q1: WireItem = { ...(wire.byItem.get('q1') as WireItem), wireId };
    const other: WireForm = { byWire: wire.byWire, byItem: new Map([...wire.byItem, ['q1', q1]]) };
    const bytes = Buffer.from(formJson(pieces, form, other, header, 3)).toString('utf8');
    expect(bytes).toBe(expected(form, other, 3));
    expect(JSON.parse(bytes).items[0].itemId).toBe(wireId);
  });

  it('a form larger than the assembly buffer comes out whole', () => {
    const long = { ...header, examTitle: 'x'.repeat(200_000) };
    const form = formOf('s9', { q1: ['a', 'b', 'c', 'd', 'e'] }, ['q1']);
    const wire = wireForm(form, itemsById);
    const bytes = Buffer.from(formJson(pieces, form, wire, long, 4)).toString('utf8');
    expect(bytes).toBe(JSON.stringify({ ...long, items: presentForm(form, itemsById, wire), serverTime: 4 }));
  });

  it('wrapped (the start answer): the state with the form as its last member, byte for byte', () => {
    const form = formOf('s7', { q1: ['c', 'a', 'e', 'b', 'd'], q2: ['b', 'a', 'c'] }, [
      'k1',
      'q1',
      'p1',
      'q2',
    ]);
    const wire = wireForm(form, itemsById);
    const state = { attemptId: 'att-“1”', state: 'running', lastSeq: 0, answers: {}, serverTime: 7 };
    const before = `${JSON.stringify(state).slice(0, -1)},"form":`;
    const bytes = Buffer.from(formJson(pieces, form, wire, header, 7, { before, after: '}' })).toString(
      'utf8',
    );
    expect(bytes).toBe(
      JSON.stringify({
        ...state,
        form: { ...header, items: presentForm(form, itemsById, wire), serverTime: 7 },
      }),
    );
  });

  it('an item or option the pieces do not know -> NOT_FOUND', () => {
    const form = formOf('s5', { q1: ['a', 'b', 'c', 'd', 'z'] }, ['q1']);
    const wire = wireForm(formOf('s5', { q1: ['a', 'b', 'c', 'd', 'e'] }, ['q1']), itemsById);
    expect(() => formJson(pieces, form, wire, header, 1)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    const stranger = formOf('s6', {}, ['q9']);
    expect(() => formJson(pieces, stranger, wire, header, 1)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
