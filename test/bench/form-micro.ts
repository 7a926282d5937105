// Microbenchmark of a start's form path on the 110-item SKD demo form: CPU µs per form of buildForm, wireForm, formJson.
// Usage: npx tsx test/bench/form-micro.ts [forms per round = 2000] [rounds = 7]. Prints the median (min–max) of
// the rounds' CPU time (process.cpuUsage: one thread, so it is this loop's own) per form, each form a new seed as in
// a start spike. Also checks once that the bytes equal JSON.stringify of the presented form.

import { buildForm, prepareBank } from '../../functions/domain/form.ts';
import { skdPreset } from '../../functions/domain/presets.ts';
import { attemptSeed } from '../../functions/domain/seed.ts';
import { wireForm } from '../../functions/domain/wire.ts';
import { demoBank } from '../../functions/local/demo/bank.ts';
import { encodeFormPieces, formJson } from '../../functions/services/form-json.ts';
import { presentForm } from '../../functions/services/present.ts';

const perRound = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 7);
const items = demoBank('demo-bank');
const itemsById = new Map(items.map((i) => [i.id, i]));
const exam = skdPreset({ id: 'skd-demo', bankId: 'demo-bank' });
const bank = prepareBank(items);
const pieces = encodeFormPieces(items);
const header = {
  attemptId: 'a0123456789abcdef01234567',
  examId: exam.id,
  examTitle: exam.title,
  sections: exam.sections.map((s) => ({ id: s.id, title: s.title, count: s.draws[0]?.count ?? 0 })),
};
const before = '{"attemptId":"a0123456789abcdef01234567","state":"running","serverTime":1,"form":';
let salt = 0;
const seeds = (): string[] =>
  Array.from({ length: perRound }, (_, i) => attemptSeed('session-secret', `a${salt++}-${i}`));

// Correctness once: the assembled bytes are JSON.stringify of the presented form.
{
  const form = buildForm(exam, bank, seeds()[0] as string);
  const wire = wireForm(form, itemsById);
  const got = Buffer.from(formJson(pieces, form, wire, header, 5)).toString('utf8');
  const want = JSON.stringify({ ...header, items: presentForm(form, itemsById, wire), serverTime: 5 });
  if (got !== want) throw new Error('formJson bytes differ from JSON.stringify of the presented form');
}

/** Keeps the last result only (a server drops each form once sent), so the loop is not optimized away. */
let kept: unknown;
const keep = (x: unknown): void => {
  kept = x;
};
const cpu = (f: () => void): number => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / perRound;
};

const results: Record<string, number[]> = { buildForm: [], wireForm: [], formJson: [], all: [] };
for (let r = 0; r < rounds + 1; r++) {
  const s = seeds();
  const forms = s.map((seed) => buildForm(exam, bank, seed));
  const wires = forms.map((f) => wireForm(f, itemsById));
  const b = cpu(() => {
    for (const seed of s) keep(buildForm(exam, bank, seed));
  });
  const w = cpu(() => {
    for (const f of forms) keep(wireForm(f, itemsById));
  });
  const j = cpu(() => {
    for (let i = 0; i < forms.length; i++)
      keep(formJson(pieces, forms[i] as never, wires[i] as never, header, 1, { before, after: '}' }));
  });
  const s2 = seeds();
  const a = cpu(() => {
    for (const seed of s2) {
      const form = buildForm(exam, bank, seed);
      keep(formJson(pieces, form, wireForm(form, itemsById), header, 1, { before, after: '}' }));
    }
  });
  if (r === 0) continue; // warm-up
  results.buildForm?.push(b);
  results.wireForm?.push(w);
  results.formJson?.push(j);
  results.all?.push(a);
}
const fmt = (xs: number[]): string => {
  const s = [...xs].sort((x, y) => x - y);
  return `${(s[Math.floor(s.length / 2)] as number).toFixed(1)} (${(s[0] as number).toFixed(1)}–${(s[s.length - 1] as number).toFixed(1)})`;
};
if (kept === undefined) throw new Error('nothing measured');
for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(10)} µs/form ${fmt(v)}`);
