import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessPatterns } from '../../functions/store/keys.ts';
import { renderAccessPatternTable } from '../../functions/store/keys-doc.ts';

describe('docs/architecture.md key design table', () => {
  it('contains the table rendered from keys.ts verbatim', () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const table = renderAccessPatternTable();
    expect(table.split('\n')).toHaveLength(accessPatterns.length + 2);
    expect(doc).toContain(table);
  });
});
