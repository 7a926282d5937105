// Final ranking after SKB: the candidates who advanced from SKD, ranked per formation by final = SKD share + SKB
// share (skb.ts, exact thousandths), ties by configurable keys; at most `openings` pass. Pure and table-tested.
import { DomainError } from './errors.ts';
import { type Formation, type PublishedRow, publishedRow } from './publication.ts';
import { rankPerFormation, skdKeys } from './ranking.ts';
import { DEFAULT_FINAL_WEIGHTS, type FinalWeights, finalMilli, fromMilli } from './skb.ts';

/** Keys that may break a tie on the final score, each descending. */
export const FINAL_TIE_BREAK_KEYS: readonly string[] = ['total', 'TKP', 'TIU', 'TWK'];
/** Default: SKD total, then TKP, TIU, TWK. */
export const DEFAULT_FINAL_TIE_BREAKS: readonly string[] = ['total', 'TKP', 'TIU', 'TWK'];

/** One candidate of the SKB stage: their SKD row as published (anonymized) and their SKB score, if any. */
export interface FinalInput {
  pseudonym: string;
  formationId: string;
  sections: Record<string, number>;
  total: number;
  receipt: string;
  /** SKB in thousandths (0..100000), or null when the candidate has no SKB score (absent, not yet imported). */
  skbMilli: number | null;
}

/** Tie-breaks: distinct keys of FINAL_TIE_BREAK_KEYS; anything else -> VALIDATION. */
export function checkTieBreaks(tieBreaks: readonly string[]): void {
  const bad = tieBreaks.filter((k) => !FINAL_TIE_BREAK_KEYS.includes(k));
  if (bad.length || new Set(tieBreaks).size !== tieBreaks.length)
    throw new DomainError('VALIDATION', `final tie-breaks must be distinct keys of ${FINAL_TIE_BREAK_KEYS}`, {
      tieBreaks,
    });
}

/**
 * Rows of a final ranking: formations in id order; within each, candidates with an SKB score ranked by
 * final (descending), then `tieBreaks`; still-tied candidates share a rank; ranks <= openings pass
 * (`advances`; everyone tied at the cut passes). Candidates without an SKB score follow, unranked, with skb
 * and final null. Row `passed` = has an SKB score. A row of an unknown formation -> VALIDATION.
 */
export function rankFinal(
  inputs: readonly FinalInput[],
  formations: readonly Formation[],
  weights: Readonly<FinalWeights> = DEFAULT_FINAL_WEIGHTS,
  tieBreaks: readonly string[] = DEFAULT_FINAL_TIE_BREAKS,
): PublishedRow[] {
  checkTieBreaks(tieBreaks);
  // Rows without SKB sort among themselves by the SKD keys (final -1 is below every real final).
  const ranked = rankPerFormation(
    inputs.map((r) => {
      const final = r.skbMilli === null ? null : finalMilli(r.total, r.skbMilli, weights);
      return {
        id: r.pseudonym,
        formationId: r.formationId,
        passed: final !== null,
        keys: { ...skdKeys(r.sections, r.total), final: final ?? -1 },
        r,
        final,
      };
    }),
    formations,
    { order: ['final', ...tieBreaks], factor: 1 },
  );
  return ranked.map((x) => ({
    ...publishedRow(x),
    skb: x.row.r.skbMilli === null ? null : fromMilli(x.row.r.skbMilli),
    final: x.row.final === null ? null : fromMilli(x.row.final),
  }));
}
