// Opaque page cursors: base64url JSON that only this server makes; anything else is VALIDATION.cursor (400).
import { Buffer } from 'node:buffer';
import type { z } from 'zod';
import { messages } from '../schemas/messages.ts';
import { userError } from './errors.ts';

export const encodeCursor = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

export const badCursor = () =>
  userError('VALIDATION.cursor', { fields: { cursor: [messages['VALIDATION.cursor'].en] } });

/** Decodes and checks a cursor; only the exact encoding of a valid value is accepted (no other spelling of it). */
export const decodeCursor = <S extends z.ZodType>(schema: S, cursor: string): z.infer<S> => {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success || encodeCursor(parsed.data) !== cursor) throw badCursor();
  return parsed.data;
};
