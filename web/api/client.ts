// Typed fetch wrapper: JSON in/out, bearer token, zod-parsed responses, error bodies -> ApiError,
// and every success body's serverTime fed to the clock estimate.
import { type $ZodType, type output, safeParse } from 'zod/v4/core';
import { errorBody } from '../../functions/schemas/common.ts';
import { observeServerTime } from '../lib/clock.ts';
import { ApiError } from './errors.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  signal?: AbortSignal;
}

export async function request<S extends $ZodType>(
  schema: S,
  method: Method,
  path: string,
  opts: RequestOptions = {},
): Promise<output<S>> {
  // The API answers error messages in the UI language (<html lang>, kept in sync by the I18n provider).
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': (typeof document === 'undefined' ? '' : document.documentElement.lang) || 'id',
  };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      cache: 'no-store',
    });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : 'network error');
  }
  const receivedAt = Date.now();
  let json: unknown = null;
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const parsed = errorBody.safeParse(json);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      const details = (json as { error: { details?: unknown } }).error.details;
      throw new ApiError(res.status, code, message, fields, details);
    }
    throw new ApiError(res.status, 'UNKNOWN', `HTTP ${res.status}`);
  }
  const parsed = safeParse(schema, json);
  if (!parsed.success) {
    throw new ApiError(res.status, 'BAD_RESPONSE', `${method} ${path}: ${parsed.error.message}`);
  }
  const serverTime = (json as { serverTime?: unknown }).serverTime;
  if (typeof serverTime === 'number') observeServerTime(serverTime, sentAt, receivedAt);
  return parsed.data;
}
