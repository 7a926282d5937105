// Renders a signed publication as CSV and as a static HTML page (id / en) for published/.
import { stringify } from 'csv-stringify/sync';
import type { PublicationDoc } from '../domain/publication.ts';
import type { Signed } from '../domain/signature.ts';

/** One row per published row: pseudonym, formation, section scores (exam order), total, pass, rank, advances, receipt. */
export function publicationCsv(doc: PublicationDoc, sectionIds: readonly string[]): string {
  const final = doc.final !== undefined;
  return stringify([
    [
      'pseudonym',
      'formation',
      ...sectionIds,
      'total',
      ...(final ? ['skb', 'final'] : []),
      'passed',
      'rank',
      'advances',
      'receipt',
    ],
    ...doc.rows.map((r) => [
      r.pseudonym,
      r.formationId,
      ...sectionIds.map((s) => r.sections[s] ?? 0),
      r.total,
      ...(final ? [r.skb ?? '', r.final ?? ''] : []),
      r.passed ? 'true' : 'false',
      r.rank ?? '',
      r.advances ? 'true' : 'false',
      r.receipt,
    ]),
  ]);
}

const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TEXT = {
  id: {
    lang: 'id',
    title: 'Hasil seleksi',
    intro:
      'Daftar ini memuat pseudonim, bukan nama atau nomor peserta. Tanda tangan Ed25519 dan akar Merkle di bawah memungkinkan siapa pun memeriksanya.',
    formation: 'Formasi',
    openings: 'Kebutuhan',
    rank: 'Peringkat',
    pseudonym: 'Pseudonim',
    total: 'Total',
    final: 'Nilai akhir',
    passed: 'Lulus ambang batas',
    advances: 'Lanjut ke SKB',
    receipt: 'Tanda terima',
    yes: 'ya',
    no: 'tidak',
    root: 'Akar Merkle',
    key: 'Kunci',
    version: 'Versi',
    other: 'English',
  },
  en: {
    lang: 'en',
    title: 'Selection results',
    intro:
      'This list shows pseudonyms, never names or registration numbers. The Ed25519 signature and Merkle root below let anyone check it.',
    formation: 'Formation',
    openings: 'Openings',
    rank: 'Rank',
    pseudonym: 'Pseudonym',
    total: 'Total',
    final: 'Final score',
    passed: 'Passed the thresholds',
    advances: 'Advances to SKB',
    receipt: 'Receipt',
    yes: 'yes',
    no: 'no',
    root: 'Merkle root',
    key: 'Key',
    version: 'Version',
    other: 'Bahasa Indonesia',
  },
} as const;

/** The pages' stylesheet, published beside them (a CSP without inline styles still renders them). */
export const PUBLICATION_CSS =
  'body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;margin-bottom:2rem}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:right}code{font-size:.9em}\n';

/** A page without script or inline style: one table per formation. `otherHref` links the other language. */
export function publicationHtml(
  signed: Signed<PublicationDoc>,
  sectionIds: readonly string[],
  lang: 'id' | 'en',
  otherHref: string,
): string {
  const t = TEXT[lang];
  const doc = signed.document;
  const tables = doc.formations
    .map((f) => {
      const rows = doc.rows.filter((r) => r.formationId === f.id);
      const body = rows
        .map(
          (r) =>
            `<tr><td>${r.rank ?? '–'}</td><td><code>${esc(r.pseudonym)}</code></td>${sectionIds
              .map((s) => `<td>${r.sections[s] ?? 0}</td>`)
              .join(
                '',
              )}<td>${r.total}</td>${doc.final ? `<td>${r.skb ?? '–'}</td><td>${r.final ?? '–'}</td>` : ''}<td>${r.passed ? t.yes : t.no}</td><td>${r.advances ? t.yes : t.no}</td><td><code>${esc(r.receipt.slice(0, 16))}…</code></td></tr>`,
        )
        .join('\n');
      return `<h2>${t.formation} ${esc(f.id)} (${esc(f.formationType)}, ${t.openings} ${f.openings})</h2>
<table><thead><tr><th>${t.rank}</th><th>${t.pseudonym}</th>${sectionIds.map((s) => `<th>${esc(s)}</th>`).join('')}<th>${t.total}</th>${doc.final ? `<th>SKB</th><th>${t.final}</th>` : ''}<th>${t.passed}</th><th>${t.advances}</th><th>${t.receipt}</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${t.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}: ${esc(doc.title)}</title>
<link rel="stylesheet" href="style.css">
</head><body>
<p><a href="${esc(otherHref)}" hreflang="${lang === 'id' ? 'en' : 'id'}">${t.other}</a></p>
<h1>${t.title}: ${esc(doc.title)}</h1>
<p>${t.intro}</p>
<p>${t.version} ${doc.version} · ${t.root} <code>${esc(doc.merkle.root)}</code> (${doc.merkle.size}) · ${t.key} <code>${esc(signed.signature.keyId)}</code></p>
${tables}
</body></html>
`;
}
