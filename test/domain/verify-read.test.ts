// The verifier's file reading: malformed or wrongly shaped JSON in any bundle file is a mismatch naming that
// file, never a thrown error.
import { describe, expect, it } from 'vitest';
import { type Mismatch, verifyBundle } from '../../functions/domain/verify.ts';
import { bundleReader } from '../../functions/domain/verify-read.ts';
import { syntheticBank, tinyExam } from '../domain/fixtures.ts';
import { syntheticBundle } from '../fixtures/audit-bundle.ts';

describe('bundleReader', () => {
  const read = (text: string | undefined, shape?: 'object' | 'array') => {
    const found: string[] = [];
    const value = bundleReader({ read: () => text }, (s, what, expected, f) =>
      found.push(`${s} ${what}: ${expected} / ${f}`),
    ).json('x.json', shape);
    return { value, found };
  };
  it.each<[string | undefined, 'object' | 'array' | undefined, unknown, string | null]>([
    ['{"a":1}', undefined, { a: 1 }, null],
    ['[1]', 'array', [1], null],
    [undefined, undefined, undefined, 'x.json file: present / undefined'],
    ['{"a":', undefined, undefined, 'x.json JSON: valid JSON / '],
    ['null', undefined, undefined, 'x.json JSON: a JSON object / a JSON null'],
    ['[1]', undefined, undefined, 'x.json JSON: a JSON object / a JSON array'],
    ['"s"', undefined, undefined, 'x.json JSON: a JSON object / a JSON string'],
    ['{}', 'array', undefined, 'x.json JSON: a JSON array / a JSON object'],
  ])('%s as %s', (text, shape, value, finding) => {
    const r = read(text, shape);
    expect(r.value).toEqual(value);
    if (finding === null) expect(r.found).toEqual([]);
    else expect(r.found).toEqual([expect.stringContaining(finding)]);
  });

  it('guard: a throw becomes a mismatch naming the file; a value passes through', async () => {
    const found: Mismatch[] = [];
    const r = bundleReader({ read: () => undefined }, (subject, what, expected, f) =>
      found.push({ subject, what, expected: String(expected), found: String(f) }),
    );
    expect(r.guard('a.json', () => 7)).toBe(7);
    expect(
      r.guard('b.json', () => {
        throw new TypeError('x is not iterable');
      }),
    ).toBeUndefined();
    expect(
      await r.guardAsync('c.json', async () => {
        throw new Error('bad');
      }),
    ).toBeUndefined();
    expect(found).toEqual([
      {
        subject: 'b.json',
        what: 'content',
        expected: 'a well-formed bundle file',
        found: 'x is not iterable',
      },
      { subject: 'c.json', what: 'content', expected: 'a well-formed bundle file', found: 'bad' },
    ]);
  });
});

describe('verifyBundle over corrupted files', () => {
  const built = syntheticBundle({
    exam: tinyExam({ passingGrades: [{ formationType: 'umum', label: 'U', sections: {}, total: 10 }] }),
    bank: syntheticBank('b', { TWK: 5, TKP: 3 }),
    candidates: 4,
    formations: [{ id: 'F1', formationType: 'umum', openings: 1 }],
    kind: 'personal',
    skb: { score: () => 80 },
  });
  // One file of each kind: the manifest, keys, formations, exam, bank, session, an attempt, both publications,
  // a proof of each, skb.json.
  const paths = [...built.files.keys()].filter(
    (p, i, all) => all.findIndex((q) => q.replace(/\/.*$/, '') === p.replace(/\/.*$/, '')) === i,
  );
  const corruptions: Array<[string, (text: string) => string]> = [
    ['cut in half', (t) => t.slice(0, t.length >> 1)],
    ['null', () => 'null'],
    ['{}', () => '{}'],
    ['[]', () => '[]'],
    ['a number', () => '1'],
    ['a string', () => '"x"'],
    ['[1]', () => '[1]'],
    ['{"a":null}', () => '{"a":null}'],
  ];
  const cases = paths.flatMap((path) => corruptions.map(([how, f]) => [path, how, f] as const));

  it('covers every kind of file', () => {
    expect(paths.map((p) => p.replace(/\/.*$/, '/*')).sort()).toEqual([
      'attempts/*',
      'banks/*',
      'exams/*',
      'final-proofs/*',
      'final-publication.json',
      'formations.json',
      'keys.json',
      'manifest.json',
      'proofs/*',
      'publication.json',
      'sessions/*',
      'skb.json',
    ]);
  });

  it.each(cases)('%s %s: a mismatch naming the file, no throw', async (path, _how, corrupt) => {
    const files = new Map(built.files);
    files.set(path, corrupt(files.get(path) as string));
    const r = await verifyBundle({ read: (p) => files.get(p) });
    // An empty list of keys or formations is well-formed: what it leaves unverifiable is named instead (each
    // signature; the publication's formations and ranking).
    if (['keys.json', 'formations.json'].includes(path) && corrupt('') === '[]')
      expect(r.mismatches.length).toBeGreaterThan(0);
    else expect(r.mismatches.map((m) => m.subject)).toContain(path);
  });
});
