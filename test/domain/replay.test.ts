import { describe, expect, it } from 'vitest';
import { type IgnoreReason, replay } from '../../functions/domain/replay.ts';
import type { Step } from '../../functions/domain/steps.ts';
import { DEFAULT_GRACE_MS } from '../../functions/domain/timing.ts';
import { MIN, T0 } from './fixtures.ts';
import { ans, expired, extended, flag, paused, reset, resumed, started, submitted } from './steps-helpers.ts';

const meta = { startedAt: T0, durationMs: 100 * MIN };
const m = (minutes: number, ms = 0) => T0 + minutes * MIN + ms;
const D = m(100);
const G = DEFAULT_GRACE_MS;

interface Case {
  name: string;
  steps: Step[];
  answers: Record<string, string | null>;
  ignored?: IgnoreReason[];
  deadline?: number;
  state?: string;
}

const cases: Case[] = [
  {
    name: 'changed answer: highest (epoch, seq) wins even if it arrived first',
    steps: [started(T0), ans(m(1), 1, 2, 'q1', 'b'), ans(m(2), 1, 1, 'q1', 'a'), ans(m(3), 1, 3, 'q2', 'c')],
    answers: { q1: 'b', q2: 'c' },
  },
  {
    name: 'cleared answer is null',
    steps: [started(T0), ans(m(1), 1, 1, 'q1', 'a'), ans(m(2), 1, 2, 'q1', null)],
    answers: { q1: null },
  },
  {
    name: 'acknowledged past deadline + grace (stale cache) counts; the server-refused late step does not',
    steps: [
      started(T0),
      ans(D + G, 1, 1, 'q1', 'a'),
      ans(D + G + 1, 1, 2, 'q1', 'b'),
      ans(D + G + 1, 1, 3, 'q2', 'e', 'late'),
    ],
    answers: { q1: 'b' },
    ignored: ['rejected'],
    deadline: D,
  },
  {
    name: 'extension moves the deadline',
    steps: [
      started(T0),
      extended(m(50), 10),
      ans(m(109), 1, 1, 'q1', 'a'),
      ans(m(110) + G + 1, 1, 2, 'q1', 'b', 'late'),
    ],
    answers: { q1: 'a' },
    ignored: ['rejected'],
    deadline: m(110),
  },
  {
    name: 'pause 30..45 credits 15 min',
    steps: [
      started(T0),
      paused(m(30)),
      resumed(m(45)),
      ans(m(114), 1, 1, 'q1', 'a'),
      ans(m(116), 1, 2, 'q2', 'b', 'late'),
    ],
    answers: { q1: 'a' },
    ignored: ['rejected'],
    deadline: m(115),
    state: 'running',
  },
  {
    name: 'retired device: acknowledged old-epoch steps count (stale cache), refused ones do not; new epoch wins',
    steps: [
      started(T0),
      ans(m(59), 1, 99, 'q1', 'a'),
      ans(m(59), 1, 100, 'q3', 'd'),
      reset(m(60), 2),
      ans(m(60), 1, 101, 'q2', 'x'),
      ans(m(61), 1, 102, 'q4', 'y'),
      ans(m(61), 1, 103, 'q5', 'z', 'retiredDevice'),
      ans(m(62), 2, 1, 'q1', 'b'),
    ],
    answers: { q1: 'b', q2: 'x', q3: 'd', q4: 'y' },
    ignored: ['rejected'],
  },
  {
    name: 'after submit: acknowledged stragglers count, refused ones and later lifecycle steps do not',
    steps: [
      started(T0),
      ans(m(69), 1, 1, 'q1', 'a'),
      submitted(m(70)),
      ans(m(70), 1, 2, 'q1', 'b'),
      ans(m(71), 1, 3, 'q2', 'c'),
      ans(m(71), 1, 4, 'q3', 'c', 'afterSubmit'),
      paused(m(72)),
    ],
    answers: { q1: 'b', q2: 'c' },
    ignored: ['rejected', 'afterSubmit'],
    state: 'submitted',
  },
  {
    name: 'expiry is a system submitted step with reason deadline',
    steps: [started(T0), ans(m(99), 1, 1, 'q1', 'a'), expired(D + G + 1)],
    answers: { q1: 'a' },
    state: 'expired',
  },
  {
    name: 'server-rejected steps never count',
    steps: [started(T0), ans(m(1), 1, 1, 'q1', 'a'), ans(m(2), 1, 2, 'q1', 'b', 'retiredDevice')],
    answers: { q1: 'a' },
    ignored: ['rejected'],
  },
  {
    name: 'open pause: state paused, clock stopped through the last step',
    steps: [started(T0), paused(m(90)), ans(m(150), 1, 1, 'q1', 'a')],
    answers: { q1: 'a' },
    deadline: m(160),
    state: 'paused',
  },
  {
    name: 'lifecycle steps out of place or after the deadline are ignored and move nothing',
    steps: [
      started(T0),
      resumed(m(10)),
      started(m(11)),
      paused(D),
      extended(D + 1, 30),
      ans(D + G + 1, 1, 1, 'q1', 'a', 'late'),
    ],
    answers: {},
    ignored: ['outOfPlace', 'outOfPlace', 'late', 'late', 'rejected'],
    deadline: D,
    state: 'running',
  },
  {
    name: 'no started step: ready',
    steps: [],
    answers: {},
    deadline: D,
    state: 'ready',
  },
];

describe('replay', () => {
  it.each(cases)('$name', (c) => {
    const view = replay(c.steps, meta, G);
    expect(Object.fromEntries(view.answers)).toEqual(c.answers);
    expect(view.ignored.map((i) => i.reason)).toEqual(c.ignored ?? []);
    expect(view.deadline).toBe(c.deadline ?? D);
    expect(view.state).toBe(c.state ?? 'running');
  });

  it.each(cases)('$name: the same view whatever order the store returns steps in', (c) => {
    const a = replay(c.steps, meta, G);
    const b = replay([...c.steps].reverse(), meta, G);
    expect(b).toEqual(a);
  });

  it('flags: last flag step per item by (epoch, seq)', () => {
    const view = replay(
      [
        started(T0),
        flag(m(1), 1, 1, 'q1', true),
        flag(m(2), 1, 2, 'q1', false),
        flag(m(3), 1, 3, 'q2', true),
      ],
      meta,
      G,
    );
    expect([...view.flags]).toEqual(['q2']);
  });

  it('lastSeqByEpoch counts every recorded step, counted or not', () => {
    const view = replay(
      [
        started(T0),
        ans(m(1), 1, 4, 'q1', 'a'),
        reset(m(2), 2),
        ans(m(3), 1, 7, 'q1', 'b'),
        ans(m(4), 2, 2, 'q1', 'c'),
      ],
      meta,
      G,
    );
    expect(Object.fromEntries(view.lastSeqByEpoch)).toEqual({ 1: 7, 2: 2 });
  });

  it('a refused request recorded once: its batch takes seqs, none of its steps count', () => {
    const refusedBatch: Step = {
      ...ans(m(80), 1, 5, 'q1', 'x', 'afterSubmit'),
      batch: [
        { type: 'answered', itemId: 'q2', choice: 'y', clientSeq: 6 },
        { type: 'flagged', itemId: 'q2', flagged: true, clientSeq: 7 },
      ],
    };
    const view = replay([started(T0), ans(m(1), 1, 4, 'q1', 'a'), submitted(m(79)), refusedBatch], meta, G);
    expect(Object.fromEntries(view.answers)).toEqual({ q1: 'a' });
    expect([...view.flags]).toEqual([]);
    expect(Object.fromEntries(view.lastSeqByEpoch)).toEqual({ 1: 7 });
    expect(view.ignored.map((i) => i.reason)).toEqual(['rejected']);
  });

  it('submittedAt is the submit step time', () => {
    expect(replay([started(T0), submitted(m(42))], meta, G).submittedAt).toBe(m(42));
    expect(replay([started(T0)], meta, G).submittedAt).toBeUndefined();
  });
});
