// Public rankings contract: the signed publication, a pseudonym's inclusion proof, the published keys.
import { z } from 'zod';

const hex = z.string().regex(/^[0-9a-f]+$/);

export const publishedRow = z.object({
  pseudonym: z.string(),
  formationId: z.string(),
  sections: z.record(z.string(), z.number()),
  total: z.number(),
  passed: z.boolean(),
  rank: z.number().int().nullable(),
  advances: z.boolean(),
  receipt: hex,
  /** Final rankings only (SKD + SKB): absent on SKD rows, so their canonical form (and Merkle leaf) is unchanged. */
  skb: z.number().nullable().optional(),
  final: z.number().nullable().optional(),
});

export const signature = z.object({ alg: z.literal('Ed25519'), keyId: z.string(), value: z.string() });

export const publicationResponse = z.object({
  document: z.object({
    format: z.literal('seleksi-publication/1'),
    publicationId: z.string(),
    version: z.number().int(),
    publishedAt: z.number(),
    title: z.string(),
    formations: z.array(z.object({ id: z.string(), formationType: z.string(), openings: z.number().int() })),
    rows: z.array(publishedRow),
    merkle: z.object({ size: z.number().int(), root: hex }),
    final: z
      .object({
        skdWeight: z.number(),
        skbWeight: z.number(),
        skdMax: z.number(),
        tieBreaks: z.array(z.string()),
      })
      .optional(),
  }),
  signature,
});

export const proofResponse = z.object({
  publicationId: z.string(),
  version: z.number().int(),
  index: z.number().int(),
  size: z.number().int(),
  root: hex,
  row: publishedRow,
  path: z.array(hex),
});

export const publicKeysResponse = z.object({
  keys: z.array(z.object({ keyId: z.string(), alg: z.literal('Ed25519'), publicKey: hex })),
});

export type PublicationResponse = z.infer<typeof publicationResponse>;
export type ProofResponse = z.infer<typeof proofResponse>;

export const scoreboardResponse = z.object({
  sessionId: z.string(),
  title: z.string(),
  sectionIds: z.array(z.string()),
  rows: z.array(
    z.object({
      pseudonym: z.string(),
      sections: z.record(z.string(), z.number()),
      total: z.number(),
      passed: z.boolean().nullable(),
      submittedAt: z.number(),
    }),
  ),
  generatedAt: z.number(),
  serverTime: z.number(),
});
export type ScoreboardResponse = z.infer<typeof scoreboardResponse>;
