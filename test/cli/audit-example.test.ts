// The worked example of docs/audit.md: committed files regenerate byte for byte, the CLI's reader + verifier pass
// them, and the numbers the specification states are the fixture's.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../functions/cli/verify.ts';
import { verifyBundle } from '../../functions/domain/verify.ts';
import {
  EXAMPLE_DIR,
  EXAMPLE_PERSONAL_DIR,
  exampleBundle,
  examplePersonalBundle,
} from '../fixtures/make-audit-example.ts';

const committed = (root = EXAMPLE_DIR): Map<string, string> => {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(dir, e.name));
      else out.set(relative(root, join(dir, e.name)), readFileSync(join(dir, e.name), 'utf8'));
  };
  walk(root);
  return out;
};

describe('docs/audit.md worked example', () => {
  it('the committed files are what the generator writes', () => {
    const files = committed();
    const fresh = exampleBundle().files;
    expect([...files.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [path, text] of fresh)
      expect(files.get(path), path).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('verifies with the counts the specification states', async () => {
    const report = await verifyBundle(openBundle(EXAMPLE_DIR));
    expect(report.mismatches).toEqual([]);
    expect(report.counts).toEqual({
      keys: 1,
      sessions: 1,
      banks: 1,
      attempts: 4,
      steps: 28,
      signatures: 5,
      rows: 4,
      proofs: 4,
      previous: 0,
      previousUnchecked: 0,
      psych: 0,
      audit: 0,
      appeals: 0,
      skb: 0,
      finalRows: 0,
      finalProofs: 0,
      corrections: 0,
    });
  });

  it('the specification quotes the fixture (root, commitment, snapshot, key id, every pseudonym, receipt-free rows)', () => {
    const spec = readFileSync(new URL('../../docs/audit.md', import.meta.url), 'utf8');
    const files = committed();
    const json = (p: string) => JSON.parse(files.get(p) ?? 'null');
    const pub = json('publication.json');
    expect(spec).toContain(pub.document.merkle.root);
    expect(spec).toContain(json('sessions/syn-1.json').secretCommitment);
    expect(spec).toContain(json('banks/b.json').snapshotId);
    expect(spec).toContain(pub.signature.keyId);
    for (const row of pub.document.rows) {
      const line = spec.split('\n').find((l: string) => l.startsWith(`| ${row.pseudonym} |`));
      expect(line, row.pseudonym).toBeDefined();
      const cells = line?.split('|').map((c: string) => c.trim()) ?? [];
      expect(cells[8]).toBe(String(row.total));
      expect(cells[9]).toBe(String(row.passed));
      expect(cells[10]?.split(' ')[0]).toBe(row.rank === null ? '–' : String(row.rank));
    }
  });
});

describe('docs/audit.md personal worked example (section 10a)', () => {
  it('the committed files are what the generator writes', () => {
    const files = committed(EXAMPLE_PERSONAL_DIR);
    const fresh = examplePersonalBundle().files;
    expect([...files.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [path, text] of fresh)
      expect(files.get(path), path).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('verifies with the counts the specification states', async () => {
    const report = await verifyBundle(openBundle(EXAMPLE_PERSONAL_DIR));
    expect(report.mismatches).toEqual([]);
    expect(report.counts).toEqual({
      keys: 1,
      sessions: 1,
      banks: 1,
      attempts: 4,
      steps: 28,
      signatures: 7,
      rows: 4,
      proofs: 4,
      previous: 3,
      previousUnchecked: 0,
      psych: 0,
      audit: 2,
      appeals: 0,
      skb: 2,
      finalRows: 2,
      finalProofs: 2,
      corrections: 1,
    });
  });

  it('the specification quotes it: roots, the correction, each row of both rankings', () => {
    const spec = readFileSync(new URL('../../docs/audit.md', import.meta.url), 'utf8');
    const section = spec.slice(spec.indexOf('### 10a.'), spec.indexOf('## 11.'));
    const files = committed(EXAMPLE_PERSONAL_DIR);
    const json = (p: string) => JSON.parse(files.get(p) ?? 'null');
    const skd = json('publication.json').document;
    const final = json('final-publication.json').document;
    const bank = json('banks/b.json');
    for (const v of [skd.merkle.root, final.merkle.root, bank.regrade.snapshotId, bank.regrade.regradeId])
      expect(section).toContain(v);
    const finalOf = new Map(final.rows.map((r: { pseudonym: string }) => [r.pseudonym, r]));
    for (const row of skd.rows) {
      const line = section.split('\n').find((l: string) => l.startsWith(`| ${row.pseudonym} |`));
      expect(line, row.pseudonym).toBeDefined();
      const cells = line?.split('|').map((c: string) => c.trim()) ?? [];
      const attempt = json(`attempts/${row.pseudonym}.json`);
      const previous = attempt.previous?.[0]?.total;
      expect(cells[2]).toBe(attempt.regNo);
      expect(cells[3]).toBe(previous === undefined ? `${row.total}` : `${row.total} (${previous})`);
      expect(cells[6]).toBe(String(row.passed));
      expect(cells[7]).toBe(row.rank === null ? '–' : String(row.rank));
      // biome-ignore lint/suspicious/noExplicitAny: a published final row, read from JSON
      const f = finalOf.get(row.pseudonym) as any;
      expect(cells[8]).toBe(f ? String(f.skb) : '–');
      expect(cells[9]).toBe(f ? String(f.final) : '–');
      expect(cells[10]?.split(' ')[0]).toBe(f ? String(f.rank) : '–');
    }
  });
});
