// Request parsing through zod: every body, query and path parameter; failures become VALIDATION errors with field messages.
import type { Context } from 'hono';
import type { z } from 'zod';
import { type UserErrorKey, userError } from '../../services/errors.ts';

export const fieldMessages = (error: z.ZodError): Record<string, string[]> => {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join('.') : '_';
    const list = fields[path] ?? [];
    list.push(issue.message);
    fields[path] = list;
  }
  return fields;
};

const VALIDATION_KEYS: Record<string, UserErrorKey> = {
  body: 'VALIDATION.body',
  query: 'VALIDATION.query',
  path: 'VALIDATION.path',
};

/** `what`: body, query, path, or the name of a header (its message is the header one). */
export const parse = <S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> => {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw userError(VALIDATION_KEYS[what] ?? 'VALIDATION.header', { fields: fieldMessages(result.error) });
  }
  return result.data;
};

export class MalformedJsonError extends Error {}

export const parseJson = async <S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> => {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new MalformedJsonError('malformed JSON');
  }
  return parse(schema, body, 'body');
};

export const parseQuery = <S extends z.ZodType>(c: Context, schema: S): z.infer<S> =>
  parse(schema, c.req.query(), 'query');

export const parseParams = <S extends z.ZodType>(c: Context, schema: S): z.infer<S> =>
  parse(schema, c.req.param(), 'path');
