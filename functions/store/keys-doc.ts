// Renders the key design table of docs/architecture.md from accessPatterns (a test keeps them equal).
import { accessPatterns } from './keys.ts';

const cell = (s: string): string => s.replaceAll('|', '\\|');

/**
 * Markdown table, one row per access pattern, exactly as it appears in docs/architecture.md: columns padded
 * the way Biome formats Markdown tables, so `biome check --write` leaves the doc unchanged.
 */
export const renderAccessPatternTable = (): string => {
  const rows = accessPatterns.map((p) => [cell(p.pattern), `\`${cell(p.key)}\``] as const);
  const header = ['access pattern', 'key'] as const;
  const w0 = Math.max(header[0].length, ...rows.map((r) => r[0].length));
  const w1 = Math.max(header[1].length, ...rows.map((r) => r[1].length));
  const line = (a: string, b: string): string => `| ${a.padEnd(w0)} | ${b.padEnd(w1)} |`;
  return [line(...header), line('-'.repeat(w0), '-'.repeat(w1)), ...rows.map((r) => line(...r))].join('\n');
};

// `node functions/store/keys-doc.ts` prints the table for pasting into the doc.
if (import.meta.url === `file://${process.argv[1]}`) console.log(renderAccessPatternTable());
