// Auditor contract: sessions with commitments and revealed secrets, bundle requests and receipts.
import { z } from 'zod';
import { id, withServerTime } from './common.ts';
import { sessionView } from './staff.ts';

export const auditorSessionsResponse = z.object({
  sessions: z.array(sessionView.extend({ secret: z.string().nullable() })),
  ...withServerTime,
});

export const bundleBody = z.object({ examId: id, personal: z.boolean().optional() }).strict();
export type BundleBody = z.infer<typeof bundleBody>;

export const bundleResponse = z.object({
  bundle: z.object({
    key: z.string(),
    url: z.string(),
    kind: z.enum(['public', 'personal']),
    files: z.number().int(),
    attempts: z.number().int(),
    bytes: z.number().int(),
  }),
  ...withServerTime,
});
