// Shared API envelope schemas: error body, server time, ids (full zod: `.optional()` and friends work on them).
import { z } from 'zod';
import { ID_MESSAGE, ID_PATTERN, REGNO_MESSAGE, REGNO_PATTERN } from './common-mini.ts';

export { type ErrorBody, errorBody, withServerTime } from './common-mini.ts';

export const id = z.string().min(1).max(64).regex(ID_PATTERN, ID_MESSAGE);
export const regNo = z.string().trim().min(4).max(32).regex(REGNO_PATTERN, REGNO_MESSAGE);
