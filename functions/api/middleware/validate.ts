// Request parsing through zod: every body, query and path parameter; failures become VALIDATION errors with field messages.
import type { Context } from 'hono';
// zod's core (shared by full zod and zod/mini): the candidate bundle must not pull in full zod.
import { type $ZodError, type $ZodType, type output, safeParse } from 'zod/v4/core';
import { bilingualIssues } from '../../schemas/issue-messages.ts';
import { type UserErrorKey, userError } from '../../services/errors.ts';

export const fieldMessages = (error: $ZodError): Record<string, string[]> => {
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
export const parse = <S extends $ZodType>(schema: S, value: unknown, what: string): output<S> => {
  const result = safeParse(schema, value, { error: bilingualIssues });
  if (!result.success) {
    throw userError(VALIDATION_KEYS[what] ?? 'VALIDATION.header', { fields: fieldMessages(result.error) });
  }
  return result.data;
};

export class MalformedJsonError extends Error {}

export const parseJson = async <S extends $ZodType>(c: Context, schema: S): Promise<output<S>> => {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new MalformedJsonError('malformed JSON');
  }
  return parse(schema, body, 'body');
};

export const parseQuery = <S extends $ZodType>(c: Context, schema: S): output<S> =>
  parse(schema, c.req.query(), 'query');

export const parseParams = <S extends $ZodType>(c: Context, schema: S): output<S> =>
  parse(schema, c.req.param(), 'path');
