// The simulated candidate: its answered count and report gate (what each save tells the room monitor), and the
// form ids it reads from the start answer's JSON text (the same ids a full parse gives).
import { describe, expect, it } from 'vitest';
import { acknowledge, answeredWith, FormIds, newCandidate, nextStep, takeForm } from './candidate.ts';

const cand = () => {
  const c = newCandidate({ regNo: 'R1', pin: '1' } as Parameters<typeof newCandidate>[0]);
  c.items = FormIds.of([
    { itemId: 'a', options: ['1', '2'] },
    { itemId: 'b', options: ['1', '2'] },
  ]);
  return c;
};

describe('bench candidate', () => {
  it('counts answered items as acknowledged: a new answer adds one, a change or a flag none, a cleared answer takes one', () => {
    const c = cand();
    const steps = [
      { seq: 1, type: 'answered', itemId: 'a', choice: '1' },
      { seq: 2, type: 'answered', itemId: 'a', choice: '2' },
      { seq: 3, type: 'flagged', itemId: 'b', flagged: true },
      { seq: 4, type: 'answered', itemId: 'b', choice: '1' },
      { seq: 5, type: 'answered', itemId: 'a', choice: null },
    ] as const;
    const expected = [1, 1, 1, 2, 1];
    steps.forEach((s, i) => {
      expect(answeredWith(c, s)).toBe(expected[i]);
      expect(c.answered).toBe(i === 0 ? 0 : expected[i - 1]); // not counted before it is acknowledged
      acknowledge(c, s);
      expect(c.answered).toBe(expected[i]);
      expect(c.answered).toBe([...c.answers.values()].filter((v) => v !== null).length);
    });
  });

  it("reports the count with the first save, not with the next one right after (the exam page's gate)", () => {
    const c = cand();
    expect(c.report(3)).toBe(3);
    expect(c.report(4)).toBeUndefined();
  });
});

const item = (n: number, stem: string, options: string[]) => ({
  itemId: `w${n}`,
  number: n,
  sectionId: n < 3 ? 'TWK' : 'TKP',
  kind: options.length ? 'single' : 'likert',
  stem,
  options: options.map((id) => ({ id, text: `opsi ${id} {"id":"palsu"} \\ "kutip"` })),
});

const startAnswer = (items: unknown[]) =>
  JSON.stringify({
    attemptId: 'a1',
    state: 'running',
    answers: {},
    flags: [],
    serverTime: 1,
    form: {
      attemptId: 'a1',
      examId: 'x',
      examTitle: 'Ujian {"itemId":"x"}',
      sections: [{ id: 'TWK', title: 'TWK', count: 2 }],
      items,
      serverTime: 1,
    },
  });

describe('takeForm', () => {
  it('gives the item and option ids a full parse gives, whatever the stems and texts contain', () => {
    const items = [
      item(1, 'Soal {"itemId":"w9","options":[{"id":"z"}]} — “kutip” \u2028 🙂', ['a', 'b', 'c', 'd', 'e']),
      item(2, 'Garis miring \\ dan "kutip"', ['e', 'd', 'c', 'b', 'a']),
      item(3, 'Sikap', []),
      item(4, '', ['x-"1"', 'x\\2']),
      item(5, 'Pilihan ü', ['ü', 'ñ-€', '🙂']),
      item(6, 'Sama', ['a', 'b', 'c', 'd', 'e']),
    ];
    const text = startAnswer(items);
    const bytes = Buffer.from(text);
    const c = newCandidate({ regNo: 'R', pin: '000000' } as Parameters<typeof newCandidate>[0]);
    expect(takeForm(c, bytes)).toBe(true);
    const parsed = JSON.parse(text).form.items as Array<{ itemId: string; options: Array<{ id: string }> }>;
    expect(c.items.toItems()).toEqual(
      parsed.map((i) => ({ itemId: i.itemId, options: i.options.map((o) => o.id) })),
    );
    // Items (and candidates) showing the same option ids share one list: it is only read.
    expect(c.items.options(5)).toBe(c.items.options(0));
    const other = newCandidate({ regNo: 'S', pin: '000000' } as Parameters<typeof newCandidate>[0]);
    expect(takeForm(other, bytes)).toBe(true);
    expect(other.items.options(1)).toBe(c.items.options(1));
  });

  it("steps use the form kept: answers in item order with one of the item's options, then changes and flags of its items; first(n) keeps n", () => {
    const c = newCandidate({ regNo: 'R', pin: '000000' } as Parameters<typeof newCandidate>[0]);
    takeForm(
      c,
      Buffer.from(startAnswer([item(1, 's', ['a', 'b']), item(2, 't', ['c']), item(3, 'u', ['d', 'e'])])),
    );
    c.items = c.items.first(2);
    expect(c.items.toItems()).toEqual([
      { itemId: 'w1', options: ['a', 'b'] },
      { itemId: 'w2', options: ['c'] },
    ]);
    const a1 = nextStep(c, 'answer');
    const a2 = nextStep(c, 'answer');
    expect([a1.itemId, a2.itemId]).toEqual(['w1', 'w2']);
    expect(a1.type === 'answered' && ['a', 'b'].includes(a1.choice ?? '')).toBe(true);
    expect(a2).toMatchObject({ type: 'answered', choice: 'c' });
    for (let n = 0; n < 20; n++) {
      const s = nextStep(c);
      expect(['w1', 'w2']).toContain(s.itemId);
      if (s.type === 'answered') expect(s.itemId === 'w1' ? ['a', 'b'] : ['c']).toContain(s.choice);
    }
  });

  it('no form or no items: false, the candidate unchanged', () => {
    const c = newCandidate({ regNo: 'R', pin: '000000' } as Parameters<typeof newCandidate>[0]);
    expect(takeForm(c, undefined)).toBe(false);
    expect(takeForm(c, Buffer.from('{"state":"running"}'))).toBe(false);
    expect(takeForm(c, Buffer.from(startAnswer([])))).toBe(false);
    expect(c.items.length).toBe(0);
  });
});
