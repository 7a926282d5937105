// SKB API contract: the settings of an exam's SKB stage and final ranking (mode, weights, tie-breaks).
import { z } from 'zod';

/** SKB components: computer test, interview, other tests, psych (psych 0 % unless weighted on purpose). */
export const SKB_COMPONENT_NAMES = ['CAT', 'WAWANCARA', 'LAINNYA', 'PSIKOTES'] as const;
export const FINAL_TIE_BREAK_NAMES = ['total', 'TKP', 'TIU', 'TWK'] as const;

const percent = z.number().int().min(0).max(100);
const sum100 = (o: Record<string, number | undefined>) =>
  Object.values(o).reduce<number>((a, b) => a + (b ?? 0), 0) === 100;

export const skbSettingsBody = z.strictObject({
  mode: z.enum(['score', 'components']),
  componentWeights: z
    .partialRecord(z.enum(SKB_COMPONENT_NAMES), percent)
    .refine(sum100, 'component weights must sum to 100 / bobot komponen harus berjumlah 100'),
  final: z
    .strictObject({ skd: percent, skb: percent, skdMax: z.number().int().min(1).max(10_000) })
    .refine((w) => w.skd + w.skb === 100, 'skd + skb must be 100 / skd + skb harus 100'),
  tieBreaks: z
    .array(z.enum(FINAL_TIE_BREAK_NAMES))
    .max(FINAL_TIE_BREAK_NAMES.length)
    .refine((a) => new Set(a).size === a.length, 'tie-breaks must be distinct / kunci tidak boleh berulang'),
});
export type SkbSettingsBody = z.infer<typeof skbSettingsBody>;

/** An SKB score as written in a CSV: 0..100 with at most 3 decimals, `.` or `,` as the decimal mark. */
export const skbScoreText = z
  .string()
  .trim()
  .regex(/^\d{1,3}([.,]\d{1,3})?$/, 'angka 0–100, maks. 3 desimal / a number 0–100, at most 3 decimals')
  .transform((s) => Number(s.replace(',', '.')))
  .refine((n) => n >= 0 && n <= 100, 'angka 0–100 / a number 0–100');
