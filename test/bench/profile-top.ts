// Reads a V8 .cpuprofile (node --cpu-prof) and prints the top frames by self time and by inclusive time;
// `--during <function>` keeps only the first stretch of samples with that function on the stack (from its
// first sample to its last one before a gap of ≥ 2 s without it: one phase, e.g. `begin` for the spike).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const duringAt = args.indexOf('--during');
const during = duringAt >= 0 ? args.splice(duringAt, 2)[1] : undefined;
const [file, topArg] = args;
if (!file) {
  console.error('usage: node test/bench/profile-top.ts <file.cpuprofile> [top] [--during <function>]');
  process.exit(1);
}
const top = Number(topArg ?? 30);
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (n: ProfileNode): string => {
  const url = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/main\//, '');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};

/** Sample indices kept: all, or those between the first and last sample with `during` on its stack. */
const onStack = (id: number, fn: string): boolean => {
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
    if (byId.get(cur)!.callFrame.functionName === fn) return true;
  return false;
};
let first = 0;
let last = p.samples.length - 1;
if (during) {
  first = p.samples.findIndex((id) => onStack(id, during));
  if (first < 0) {
    console.error(`no sample has ${during} on its stack`);
    process.exit(1);
  }
  let gap = 0;
  last = first;
  for (let i = first + 1; i < p.samples.length && gap < 2e6; i++) {
    gap += p.timeDeltas[i] ?? 0;
    if (onStack(p.samples[i]!, during)) {
      last = i;
      gap = 0;
    }
  }
}

const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
p.samples.forEach((id, i) => {
  if (i < first || i > last) return;
  const dt = p.timeDeltas[i] ?? 0;
  total += dt;
  const n = byId.get(id)!;
  self.set(label(n), (self.get(label(n)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    incl.set(l, (incl.get(l) ?? 0) + dt);
  }
});

const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};
print('self time', self);
print('inclusive time', incl);
