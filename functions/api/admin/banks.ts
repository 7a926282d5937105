// Admin bank routes: import a bank from CSV or JSON (all or nothing, every bad row listed, audited), export it,
// preview a snapshot as a candidate sees it, upload images.
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { id } from '../../schemas/common.ts';
import { bankPreviewQuery } from '../../schemas/exams.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import type { BankSource } from '../../services/banks.ts';
import { userError } from '../../services/errors.ts';
import type { Services } from '../../services/index.ts';
import type { AuthEnv } from '../middleware/auth.ts';
import { MalformedJsonError, parseParams, parseQuery } from '../middleware/validate.ts';
import { staffRequest } from './staff-request.ts';

const bankParams = z.object({ bankId: id });
const exportQuery = z.object({ format: z.enum(['csv', 'json']).default('json') });

export const mountBankRoutes = (
  app: Hono<AuthEnv<StaffClaims>>,
  svc: Services,
  adminOnly: MiddlewareHandler<AuthEnv<StaffClaims>>,
) => {
  /** Body: text/csv (one row per item) or application/json (an array of items). Replaces items with the same id. */
  app.put('/banks/:bankId/items', adminOnly, async (c) => {
    const { bankId } = parseParams(c, bankParams);
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    let source: BankSource;
    if (type === 'text/csv') {
      source = { format: 'csv', text: await c.req.text() };
    } else if (type === 'application/json') {
      let value: unknown;
      try {
        value = await c.req.json();
      } catch {
        throw new MalformedJsonError('malformed JSON');
      }
      source = { format: 'json', value };
    } else {
      throw userError('VALIDATION.contentType');
    }
    const imported = await svc.banks.importItems(bankId, source, staffRequest(c, svc.deps));
    return c.json({ ...imported, serverTime: svc.deps.clock() });
  });

  /** Raw image bytes (PNG, JPEG, GIF, WebP ≤ 1 MB) -> a reference to put in an item's `image` field. */
  app.put('/images', adminOnly, async (c) => {
    const stored = await svc.images.put(Buffer.from(await c.req.arrayBuffer()));
    return c.json({ ...stored, serverTime: svc.deps.clock() });
  });

  /** A page of a snapshot's items (default: the current one) as the candidate's screen shows them. */
  app.get('/banks/:bankId/preview', adminOnly, async (c) => {
    const { bankId } = parseParams(c, bankParams);
    const query = parseQuery(c, bankPreviewQuery);
    return c.json({ ...(await svc.banks.preview(bankId, query)), serverTime: svc.deps.clock() });
  });

  app.get('/banks/:bankId/items', adminOnly, async (c) => {
    const { bankId } = parseParams(c, bankParams);
    const { format } = parseQuery(c, exportQuery);
    const text = await svc.banks.exportItems(bankId, format);
    if (format === 'csv') {
      return c.body(text, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${bankId}.csv"`,
      });
    }
    return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
};
