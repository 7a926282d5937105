import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../../functions/domain/verify.ts';
import { syntheticBank, tinyExam } from '../domain/fixtures.ts';
import { syntheticBundle } from '../fixtures/audit-bundle.ts';

const exam = tinyExam({
  passingGrades: [{ formationType: 'umum', label: 'Umum', sections: { TWK: 5 }, total: 12 }],
});
const bank = syntheticBank('b', { TWK: 6, TKP: 4 });
const formations = [
  { id: 'F-A', formationType: 'umum', openings: 1 },
  { id: 'F-B', formationType: 'umum', openings: 2 },
];
const built = syntheticBundle({ exam, bank, candidates: 12, formations });
const first = built.attempts[0];
if (!first) throw new Error('no attempt');
const P = first.pseudonym;

const reader = (files: Map<string, string>) => ({ read: (p: string) => files.get(p) });
const run = (files: Map<string, string>) => verifyBundle(reader(files));

/** A copy of the files with one byte of `path` flipped at the first match of `find` (offset within it). */
function flipAt(path: string, find: string, offset = 0): Map<string, string> {
  const files = new Map(built.files);
  const text = files.get(path);
  if (text === undefined) throw new Error(`no ${path}`);
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`${find} not in ${path}`);
  const i = at + offset;
  const c = text.charCodeAt(i);
  // flip the low bit, staying inside the same character class so the JSON still parses
  const swapped = String.fromCharCode(c ^ 1);
  files.set(path, text.slice(0, i) + swapped + text.slice(i + 1));
  return files;
}

describe('verifyBundle', () => {
  it('a faithful bundle verifies with every count', async () => {
    const r = await run(built.files);
    expect(r.mismatches).toEqual([]);
    expect(r.counts).toMatchObject({
      keys: 1,
      sessions: 1,
      banks: 1,
      attempts: 12,
      rows: 12,
      proofs: 12,
      signatures: 13,
    });
    expect(r.counts.steps).toBe(built.attempts.reduce((n, a) => n + a.steps.length, 0));
  });

  it('slices delegated (as worker threads do) give the same report as one pass', async () => {
    const files = reader(built.files);
    const whole = await verifyBundle(files);
    const split = await verifyBundle(files, {
      delegate: async (total) =>
        Promise.all(
          [0, 5, 9].map(async (from, i, cuts) => {
            const r = await verifyBundle(files, { slice: { from, to: cuts[i + 1] ?? total } });
            if (!r.part) throw new Error('no part');
            return r.part;
          }),
        ),
    });
    expect(split).toEqual(whole);
  });

  it('reports progress per attempt', async () => {
    const seen: number[] = [];
    await verifyBundle(reader(built.files), { onProgress: (d) => seen.push(d) });
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  const attempt = `attempts/${P}.json`;
  const answered = JSON.stringify(first.steps.find((s) => s.type === 'answered'));
  it.each<[string, () => Map<string, string>, string, string[]]>([
    // "choice":"x" -> "choice":"y": the receipt and maybe the score change
    [
      'a step (answer choice)',
      () => flipAt(attempt, answered, answered.indexOf('"choice":"') + 10),
      P,
      ['receipt (hash chain of the step log)'],
    ],
    [
      'a step (time)',
      () => flipAt(attempt, answered, answered.indexOf('"at":') + 6),
      P,
      ['receipt (hash chain of the step log)'],
    ],
    ['an item key', () => flipAt('banks/b.json', '"key":"a"', 7), 'banks/b.json', ['bank snapshot id']],
    ['a seed', () => flipAt(attempt, `"seed":"${first.seed}"`, 9), P, ['seed = HMAC(secret, attemptId)']],
    [
      'the session secret',
      () => flipAt('sessions/syn-1.json', '"secret":"', 10),
      'sessions/syn-1.json',
      ['secret commitment'],
    ],
    [
      'a score in a signed result',
      () => flipAt(attempt, `"total":${first.result.document.total}`, 8),
      P,
      ['result total', 'signature'],
    ],
    ['a result signature', () => flipAt(attempt, '"value":"', 12), P, ['signature']],
    [
      'a published row',
      () => flipAt('publication.json', `"receipt":"${first.result.document.receipt}"`, 12),
      P,
      ['published row'],
    ],
    [
      'the publication signature',
      () => flipAt('publication.json', '"value":"', 12),
      'publication.json',
      ['signature'],
    ],
    ['an inclusion proof', () => flipAt(`proofs/${P}.json`, '"path":["', 9), P, ['inclusion proof']],
    ['a public key', () => flipAt('keys.json', '"publicKey":"', 14), 'keys.json', ['key id of']],
  ])('flipping one byte in %s -> named', async (_n, tamper, subject, whats) => {
    const r = await run(tamper());
    expect(r.mismatches.length).toBeGreaterThan(0);
    for (const what of whats)
      expect(
        r.mismatches.some((m) => m.subject === subject && m.what.startsWith(what)),
        `${what} on ${subject}: ${JSON.stringify(r.mismatches)}`,
      ).toBe(true);
  });

  it('a row removed from the publication is named (and the Merkle root no longer matches)', async () => {
    const files = new Map(built.files);
    const pub = JSON.parse(files.get('publication.json') as string);
    pub.document.rows.pop();
    files.set('publication.json', JSON.stringify(pub));
    const r = await run(files);
    expect(r.mismatches.map((m) => m.what)).toEqual(
      expect.arrayContaining(['published row missing', 'signature']),
    );
  });

  it('a missing attempt file is named', async () => {
    const files = new Map(built.files);
    files.delete(attempt);
    const r = await run(files);
    expect(r.mismatches).toContainEqual(expect.objectContaining({ subject: attempt, what: 'file' }));
  });
});
