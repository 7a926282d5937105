import { describe, expect, it } from 'vitest';
import { buildForm } from '../../../functions/domain/form.ts';
import type { Item } from '../../../functions/domain/items.ts';
import { pppkPreset, skdPreset } from '../../../functions/domain/presets.ts';
import { scoreAttempt } from '../../../functions/domain/scoring.ts';
import { sha256Hex } from '../../../functions/domain/seed.ts';
import { demoBank } from '../../../functions/local/demo/bank.ts';
import {
  exportBankCsv,
  exportBankJson,
  parseBankCsv,
  parseBankJson,
} from '../../../functions/services/io/bank-io.ts';

const bank = demoBank('demo');
const byCategory = (c: string) => bank.filter((i) => i.category === c);

describe('demoBank', () => {
  it.each([
    ['TWK', 60],
    ['TIU', 70],
    ['TKP', 90],
    ['TEKNIS', 180],
    ['MANAJERIAL', 50],
    ['SOSIOKULTURAL', 40],
    ['WAWANCARA', 20],
  ])('%s has at least %i items', (category, min) => {
    expect(byCategory(category).length).toBeGreaterThanOrEqual(min);
  });

  it('passes the bank validator (JSON and CSV) unchanged', () => {
    expect(parseBankJson('demo', JSON.parse(exportBankJson(bank)))).toEqual(bank);
    expect(parseBankCsv('demo', exportBankCsv(bank))).toEqual(bank);
  });

  it('is deterministic and ids look like twk-001', () => {
    expect(demoBank('demo')).toEqual(bank);
    expect(bank[0]?.id).toBe('twk-001');
    for (const i of bank) expect(i.id).toMatch(/^[a-z]+-\d{3}$/);
    expect(demoBank('other').every((i) => i.bankId === 'other')).toBe(true);
  });

  it.each([
    ['TWK', 5],
    ['TIU', 5],
    ['TEKNIS', 5],
  ])('%s: single items with %i distinct options, keys spread over positions', (category, n) => {
    const items = byCategory(category);
    const keyCount = new Map<string, number>();
    for (const i of items) {
      expect(i.kind).toBe('single');
      if (i.kind !== 'single') continue;
      expect(i.options).toHaveLength(n);
      expect(new Set(i.options.map((o) => o.text)).size).toBe(n);
      keyCount.set(i.key, (keyCount.get(i.key) ?? 0) + 1);
    }
    expect(keyCount.size).toBe(n);
    for (const c of keyCount.values()) expect(c).toBeGreaterThanOrEqual(Math.floor(items.length / n));
  });

  it.each([
    ['TKP', [1, 2, 3, 4, 5]],
    ['MANAJERIAL', [1, 2, 3, 4]],
    ['SOSIOKULTURAL', [1, 2, 3, 4]],
    ['WAWANCARA', [1, 2, 3, 4]],
  ])('%s: weighted, every option a distinct weight %j', (category, weights) => {
    for (const i of byCategory(category)) {
      expect(i.kind).toBe('weighted');
      if (i.kind !== 'weighted') continue;
      expect(Object.values(i.weights).sort()).toEqual(weights);
    }
  });

  it('generated number-series keys continue the series (arithmetic, geometric)', () => {
    const series = byCategory('TIU').filter((i) => i.stem.startsWith('Bilangan berikutnya'));
    expect(series.length).toBeGreaterThanOrEqual(30);
    let checked = 0;
    for (const i of series) {
      if (i.kind !== 'single') continue;
      const terms = (i.stem.match(/deret (.*), …/)?.[1] ?? '').split(', ').map(Number);
      const key = Number(i.options.find((o) => o.id === i.key)?.text);
      const [p, q, r] = terms.slice(-3) as [number, number, number];
      if (r - q === q - p && terms.length === 5) {
        expect(key).toBe(r + (r - q));
        checked++;
      } else if (p !== 0 && q / p === r / q && Number.isInteger(r / q)) {
        expect(key).toBe(r * (r / q));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(23); // 15 arithmetic + 8 geometric
  });

  const best = (items: readonly Item[]) =>
    new Map(
      items.map((i): [string, string | null] => {
        if (i.kind === 'single') return [i.id, i.key];
        if (i.kind === 'weighted') {
          const top = Object.entries(i.weights).sort((a, b) => b[1] - a[1])[0];
          return [i.id, top?.[0] ?? null];
        }
        return [i.id, null];
      }),
    );

  it.each([
    ['SKD', skdPreset({ id: 'skd', bankId: 'demo' }), 110, 550],
    ['PPPK', pppkPreset({ id: 'pppk', bankId: 'demo' }), 145, 670],
  ])('%s forms can be built from it; best answers score the maximum', (_n, exam, items, max) => {
    const byId = new Map(bank.map((i) => [i.id, i]));
    for (let s = 0; s < 5; s++) {
      const form = buildForm(exam, bank, sha256Hex(`demo-${s}`));
      expect(form.items).toHaveLength(items);
      const score = scoreAttempt(exam, form, byId, best(bank), 'umum');
      expect(score.total).toBe(max);
      expect(score.maxTotal).toBe(max);
    }
  });
});
