import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../functions/domain/errors.ts';
import type { Item } from '../../../functions/domain/items.ts';
import {
  exportBankCsv,
  exportBankJson,
  parseBankCsv,
  parseBankJson,
  splitPipes,
} from '../../../functions/services/io/bank-io.ts';

const HEADER = 'id,category,kind,difficulty,stem,options,key,weights,image';

const problemsOf = (f: () => unknown): Array<{ row: number; reason: string }> => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'INVALID_ITEM') return (e.details as { rows: [] }).rows;
    throw e;
  }
  throw new Error('no error thrown');
};

describe('splitPipes', () => {
  it.each([
    ['a | b | c', ['a', 'b', 'c']],
    ['5|4|3', ['5', '4', '3']],
    ['x \\| y | z', ['x | y', 'z']],
    ['tunggal', ['tunggal']],
  ])('%j -> %j', (cell, parts) => expect(splitPipes(cell)).toEqual(parts));
});

describe('parseBankCsv', () => {
  it('parses single and weighted rows; ids a, b, c… by position; key letters case-insensitive', () => {
    const csv = [
      HEADER,
      'twk-001,TWK,single,easy,"Ibu kota, negara?",Jakarta | Bandung | Surabaya,B,,',
      'tkp-001,TKP,weighted,,"Situasi\nbaris dua",Bantu | Abaikan,,5|1,items/x.png',
    ].join('\n');
    expect(parseBankCsv('bank-1', csv)).toEqual([
      {
        id: 'twk-001',
        bankId: 'bank-1',
        category: 'TWK',
        difficulty: 'easy',
        stem: 'Ibu kota, negara?',
        kind: 'single',
        options: [
          { id: 'a', text: 'Jakarta' },
          { id: 'b', text: 'Bandung' },
          { id: 'c', text: 'Surabaya' },
        ],
        key: 'b',
      },
      {
        id: 'tkp-001',
        bankId: 'bank-1',
        category: 'TKP',
        stem: 'Situasi\nbaris dua',
        image: 'items/x.png',
        kind: 'weighted',
        options: [
          { id: 'a', text: 'Bantu' },
          { id: 'b', text: 'Abaikan' },
        ],
        weights: { a: 5, b: 1 },
      },
    ]);
  });

  it('accepts columns in any order and without optional ones', () => {
    const csv = 'options,stem,kind,category,id,key\n"A | B",S,single,TIU,tiu-1,a\n';
    expect(parseBankCsv('b', csv)).toHaveLength(1);
  });

  it('lists every problem with its row (header = row 1) and imports nothing', () => {
    const csv = [
      HEADER, // 1
      'twk-001,TWK,single,,Soal,A | B | C,a,,', // 2 ok
      'twk-002,TWK,single,,Soal,A | B | C,g,,', // 3 key not an option
      'tkp-001,TKP,weighted,,Soal,A | B | C,,5|4,', // 4 two weights for three options
      'twk-001,TWK,single,,Soal,A | B,b,,', // 5 duplicate id
      'twk-003,TWK,single,,Soal,A,a,,', // 6 one option
      'tkp-002,TKP,weighted,,Soal,A | B,,7|1,', // 7 weight out of range
      'psi-001,PSI,likert,,Soal,A | B,,,', // 8 likert not in CSV
      ',,,,,,,,', // 9 blank: skipped
      'twk-004,TWK,single,,,A | B,a,,', // 10 empty stem
      'twk-005,TWK,single,sulit,Soal,A | B | C | D | E | F | G,a,,', // 11 bad difficulty + 7 options
      'twk-006,TWK,single,,Soal,A | B', // 12 too few columns
      'tkp-003,TKP,weighted,,Soal,A | B,a,x|1,', // 13 key on weighted + non-numeric weight
    ].join('\n');
    const rows = problemsOf(() => parseBankCsv('b', csv));
    expect(rows.map((p) => p.row)).toEqual([3, 4, 5, 6, 7, 8, 10, 11, 11, 12, 13, 13]);
    expect(rows.map((p) => p.reason)).toEqual([
      'key: key g is not one of the options',
      'weights: 2 weights for 3 options',
      'duplicate id twk-001 (first at row 2)',
      'options: at least 2 options',
      'weights: weight of option a must be a whole number 1–5, got 7',
      expect.stringMatching(/^kind: must be single or weighted/),
      'stem: stem is empty',
      expect.stringMatching(/^difficulty:/),
      'options: at most 6 options',
      'expected 9 columns, got 6',
      'key: not allowed for a weighted item (use weights)',
      'weights: not a number: "x"',
    ]);
  });

  it.each([
    ['unknown column', 'id,category,kind,stem,options,colour\n', ['unknown column "colour"']],
    ['missing columns', 'id,category,stem\n', ['missing column kind', 'missing column options']],
    ['duplicate column', 'id,id,category,kind,stem,options\n', ['duplicate column id']],
    [
      'empty file',
      '',
      [
        'missing column id',
        'missing column category',
        'missing column kind',
        'missing column stem',
        'missing column options',
      ],
    ],
  ])('header problems are row 1: %s', (_n, csv, reasons) => {
    const rows = problemsOf(() => parseBankCsv('b', csv));
    expect(rows).toEqual(reasons.map((reason) => ({ row: 1, reason })));
  });

  it('reports a broken quote with its line', () => {
    const rows = problemsOf(() => parseBankCsv('b', `${HEADER}\nx,TWK,single,,"unclosed,A | B,a,,\n`));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.reason).toMatch(/quote/i);
  });

  it('rejects an invalid bank id', () => {
    expect(() => parseBankCsv('bank 1', HEADER)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('parseBankJson', () => {
  const good = {
    id: 'q1',
    category: 'TIU',
    kind: 'single',
    stem: 'S',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
    key: 'a',
  };
  it.each([
    ['an array', [good]],
    ['{ items }', { items: [good] }],
    ['items of another bank (bankId ignored)', [{ ...good, bankId: 'other' }]],
  ])('accepts %s', (_n, value) => {
    expect(parseBankJson('mine', value)).toEqual([{ ...good, bankId: 'mine' }]);
  });

  it('lists every problem by position', () => {
    const rows = problemsOf(() =>
      parseBankJson('b', [
        good,
        { ...good, id: 'q2', key: 'z' },
        { ...good, id: 'q3', kind: 'weighted', weights: { a: 1 } },
        { ...good, extra: true },
        {
          ...good,
          options: [
            { id: 'a', text: 'A' },
            { id: 'a', text: 'B' },
          ],
        },
        'nope',
      ]),
    );
    // row 3 has two problems: a weighted item with a key member, and option b without a weight
    expect(rows.map((r) => r.row)).toEqual([2, 3, 3, 4, 5, 6]);
    expect(rows[0]?.reason).toBe('key: key z is not one of the options');
    expect(rows.filter((r) => r.row === 3).map((r) => r.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/key/), 'weights: option b has no weight']),
    );
  });

  it.each([null, 42, { items: 'x' }])('rejects %j as a whole', (value) => {
    expect(problemsOf(() => parseBankJson('b', value))).toEqual([{ row: 1, reason: expect.any(String) }]);
  });
});

describe('round trips', () => {
  const items: Item[] = [
    {
      id: 'twk-001',
      bankId: 'b',
      category: 'TWK',
      difficulty: 'medium',
      kind: 'single',
      stem: 'Pilih yang benar: "a, b" atau\nbaris baru',
      image: 'items/twk-001.png',
      options: [
        { id: 'a', text: 'Satu | dua' },
        { id: 'b', text: 'Tiga, "empat"' },
      ],
      key: 'b',
    },
    {
      id: 'tkp-001',
      bankId: 'b',
      category: 'TKP',
      kind: 'weighted',
      stem: 'Situasi',
      options: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: `Tanggapan ${id}` })),
      weights: { a: 2, b: 5, c: 1, d: 4, e: 3 },
    },
  ];
  it('CSV: parse(export(items)) = items', () => {
    expect(parseBankCsv('b', exportBankCsv(items))).toEqual(items);
  });
  it('JSON: parse(export(items)) = items, for every kind', () => {
    const all: Item[] = [
      ...items,
      {
        id: 'big5-001',
        bankId: 'b',
        category: 'O',
        kind: 'likert',
        stem: 'Saya suka ide baru',
        trait: 'O',
        reverse: false,
      },
      {
        id: 'krp-001',
        bankId: 'b',
        category: 'KRP',
        kind: 'speed',
        stem: 'Kraepelin',
        columns: 50,
        rows: 60,
        columnSeconds: 15,
      },
    ];
    expect(parseBankJson('b', JSON.parse(exportBankJson(all)))).toEqual(all);
  });
  it.each<[string, Item]>([
    ['likert', { id: 'l', bankId: 'b', category: 'O', kind: 'likert', stem: 'S', trait: 'O', reverse: true }],
    [
      'option ids not a, b…',
      {
        ...(items[0] as Item & { kind: 'single' }),
        options: [
          { id: 'x', text: 'X' },
          { id: 'y', text: 'Y' },
        ],
        key: 'x',
      },
    ],
    [
      'option images',
      {
        ...(items[0] as Item & { kind: 'single' }),
        options: [
          { id: 'a', text: 'A', image: 'i.png' },
          { id: 'b', text: 'B' },
        ],
      },
    ],
  ])('CSV export refuses %s', (_n, item) => {
    expect(() => exportBankCsv([item])).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
