import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessPatterns, type BuiltKey, keys } from '../../functions/store/keys.ts';
import { renderAccessPatternTable } from '../../functions/store/keys-doc.ts';

const literal = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regex source of one `#`-separated segment of a documented key (grammar: see accessPatterns). */
const segment = (seg: string): string => {
  if (/^[A-Z0-9_-]+$/.test(seg)) return literal(seg);
  const digits = /^[a-zA-Z]+\((\d+)\)$/.exec(seg);
  if (digits) return `\\d{${digits[1]}}`;
  if (seg === 'nnn') return '\\d{3}';
  const oneOf = /^[a-zA-Z]+\(([^)]*\|[^)]*)\)$/.exec(seg);
  if (oneOf) return `(?:${(oneOf[1] as string).split('|').map(literal).join('|')})`;
  if (/^inv\([A-Za-z]+\)$/.test(seg)) return '\\d+';
  if (/^[a-z][a-zA-Z]*$/.test(seg)) return '[^#]+';
  throw new Error(`cannot read key segment ${JSON.stringify(seg)}`);
};
const valueRegex = (doc: string): RegExp => new RegExp(`^${doc.split('#').map(segment).join('#')}$`);

/** A documented key: `[GSIn ]PK=<value>, SK=<alt> / <alt>…` -> attribute names and regexes. */
const parseDocKey = (doc: string) => {
  const m = /^(?:(GSI\d) )?PK=(\S+), SK=(.+)$/.exec(doc);
  if (!m) throw new Error(`cannot read documented key ${doc}`);
  const index = m[1] ?? '';
  return {
    pkAttr: `${index}PK`,
    skAttr: `${index}SK`,
    pk: valueRegex(m[2] as string),
    sks: (m[3] as string).split(' / ').map(valueRegex),
  };
};

/** Problems of a row's built keys against its documented key ([] = consistent). */
const rowProblems = (doc: string, built: BuiltKey[]): string[] => {
  const d = parseDocKey(doc);
  const problems: string[] = [];
  const full = built.filter((b) => b[d.skAttr] !== undefined);
  for (const b of built) {
    const pk = b[d.pkAttr];
    if (pk === undefined || !d.pk.test(pk))
      problems.push(`${JSON.stringify(b)}: ${d.pkAttr} does not match ${doc}`);
    const sk = b[d.skAttr];
    if (sk !== undefined && !d.sks.some((r) => r.test(sk)))
      problems.push(`${JSON.stringify(b)}: ${d.skAttr} does not match ${doc}`);
    // A query prefix (or a partition-only key) must address keys of the same row.
    if (
      sk === undefined &&
      !full.some((f) => f[d.pkAttr] === pk && (f[d.skAttr] as string).startsWith(b.SKPrefix ?? ''))
    )
      problems.push(`${JSON.stringify(b)}: prefix addresses no key of its row`);
    const extra = Object.keys(b).filter((a) => ![d.pkAttr, d.skAttr, 'SKPrefix'].includes(a));
    if (extra.length) problems.push(`${JSON.stringify(b)}: undocumented attributes ${extra.join(', ')}`);
  }
  return problems;
};

/** The builders' names called while building every row's keys. */
const calledBuilders = (): Set<string> => {
  const called = new Set<string>();
  const recording = new Proxy(keys, {
    get(target, name: string) {
      called.add(name);
      return target[name as keyof typeof keys];
    },
  });
  for (const row of accessPatterns) row.built(recording);
  return called;
};

describe('docs/architecture.md key design table', () => {
  it('contains the table rendered from keys.ts verbatim', () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const table = renderAccessPatternTable();
    expect(table.split('\n')).toHaveLength(accessPatterns.length + 2);
    expect(doc).toContain(table);
  });

  it.each(accessPatterns.map((p) => [p.pattern, p] as const))(
    '%s: the builders make keys of the documented shape',
    (_n, row) => {
      const built = row.built(keys);
      expect(built.length).toBeGreaterThan(0);
      expect(rowProblems(row.key, built)).toEqual([]);
    },
  );

  it('every key builder is documented by some row', () => {
    const called = calledBuilders();
    expect(Object.keys(keys).filter((name) => !called.has(name))).toEqual([]);
  });

  it.each([
    ['a changed literal', 'PK=EXAM#id, SK=META / SEC#nnn', [keys.examSection('e', 7)], 1],
    ['a wrong width', 'PK=ATTEMPT#id, SK=STEP#epoch(3)#clientSeq(10)', [keys.clientStep('a', 2, 17)], 1],
    ['a wrong partition', 'PK=USERS#id, SK=META', [keys.user('u')], 1],
    ['a prefix of another row', 'PK=USER#id, SK=META', [keys.user('u'), keys.bankPrefix('b')], 2],
    ['an extra attribute', 'PK=USER#id, SK=META', [{ ...keys.user('u'), GSI1PK: 'x' }], 1],
    ['the real shape', 'PK=EXAM#id, SK=META / SECTION#nnn', [keys.exam('e'), keys.examSection('e', 7)], 0],
  ])('the drift check catches %s', (_n, doc, built, count) => {
    expect(rowProblems(doc, built)).toHaveLength(count);
  });
});
