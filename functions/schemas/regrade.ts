// Regrade request body: the corrected items of one bank (the rest of the bank unchanged) or a corrected snapshot id.
import { z } from 'zod';
import { id } from './common.ts';
import { itemInput } from './items.ts';

const reason = z.string().trim().min(3).max(500);

export const regradeBody = z.union([
  z.strictObject({ bankId: id, reason, items: z.array(itemInput).min(1).max(5000) }),
  z.strictObject({
    bankId: id,
    reason,
    snapshotId: z.string().regex(/^[0-9a-f]{64}$/, 'snapshotId: 64 hex digits'),
  }),
]);
export type RegradeBody = z.infer<typeof regradeBody>;
