// AWS Signature Version 4 for the store's JSON requests (POST /, no query string), with the signing key cached per day.
import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignInput {
  method: string;
  /** Canonical path, already URI-encoded ("/" for DynamoDB). */
  path: string;
  /** Lower-case header names. `host` must be present; x-amz-date and authorization are added. */
  headers: Record<string, string>;
  body: string;
  region: string;
  service: string;
  credentials: Credentials;
  /** When, ms since the epoch (the caller's clock). */
  at: number;
}

// One-shot hash; the cached key is a KeyObject: createHmac with a raw Buffer key imports it again on every
// call (measured: that import was ≈ 8 % of the client's CPU per PutItem).
const sha256Hex = (s: string): string => hash('sha256', s, 'hex');
const hmac = (key: Buffer | string, s: string): Buffer =>
  createHmac('sha256', key).update(s, 'utf8').digest();

/** The derived key changes once a day per secret, region and service: four HMACs saved on every request. */
let keyCache: { secret: string; day: string; region: string; service: string; key: KeyObject } | undefined;
const signingKey = (secret: string, day: string, region: string, service: string): KeyObject => {
  const c = keyCache;
  if (c !== undefined && c.day === day && c.secret === secret && c.region === region && c.service === service)
    return c.key;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
  keyCache = { secret, day, region, service, key: createSecretKey(key) };
  return keyCache.key;
};

/** YYYYMMDDTHHMMSSZ, formatted at most once per second. */
let dateCache = { second: Number.NaN, text: '' };
export const amzDate = (at: number): string => {
  const second = Math.floor(at / 1000);
  if (dateCache.second !== second)
    dateCache = { second, text: new Date(second * 1000).toISOString().replace(/[-:]|\.\d{3}/g, '') };
  return dateCache.text;
};

/** The signature of a canonical request (hex), and the authorization header value that carries it. */
const authorization = (
  canonical: string,
  date: string,
  region: string,
  service: string,
  credentials: Credentials,
  signedHeaders: string,
): string => {
  const day = date.slice(0, 8);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${sha256Hex(canonical)}`;
  const signature = createHmac('sha256', signingKey(credentials.secretAccessKey, day, region, service))
    .update(toSign, 'utf8')
    .digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
};

/** A header value as SigV4 canonicalizes it: trimmed, inner runs of whitespace collapsed to one space. */
const canonicalValue = (v: string): string => v.trim().replace(/\s+/g, ' ');

/** Returns the headers to send: the input's, plus x-amz-date, x-amz-security-token (if any) and authorization. */
export const signRequest = (r: SignInput): Record<string, string> => {
  const date = amzDate(r.at);
  const headers: Record<string, string> = { ...r.headers, 'x-amz-date': date };
  if (r.credentials.sessionToken) headers['x-amz-security-token'] = r.credentials.sessionToken;
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonical = [
    r.method,
    r.path,
    '',
    ...names.map((n) => `${n}:${canonicalValue(headers[n]!)}`),
    '',
    signedHeaders,
    sha256Hex(r.body),
  ].join('\n');
  headers.authorization = authorization(canonical, date, r.region, r.service, r.credentials, signedHeaders);
  return headers;
};

/**
 * Signs a DynamoDB JSON request (POST / to one host): what `signRequest` computes for the headers host,
 * content-type and x-amz-target, with the request's constant part of the canonical text built once. Returns
 * node's raw header list ([name, value, …]) with host, content-type, x-amz-target, x-amz-date,
 * x-amz-security-token (if any) and authorization; the caller adds content-length (unsigned, as the SDK does).
 */
export const jsonRequestSigner = (
  host: string,
  contentType: string,
  region: string,
  service: string,
): ((target: string, body: string, credentials: Credentials, at: number) => string[]) => {
  // Canonical header order is by name: content-type, host, x-amz-date, [x-amz-security-token], x-amz-target.
  const head = `POST\n/\n\ncontent-type:${canonicalValue(contentType)}\nhost:${canonicalValue(host)}\nx-amz-date:`;
  let token: { raw: string; line: string } | undefined;
  return (target, body, credentials, at) => {
    const date = amzDate(at);
    const session = credentials.sessionToken;
    let tokenLine = '';
    if (session) {
      if (token?.raw !== session)
        token = { raw: session, line: `x-amz-security-token:${canonicalValue(session)}\n` };
      tokenLine = token.line;
    }
    const signedHeaders = session
      ? 'content-type;host;x-amz-date;x-amz-security-token;x-amz-target'
      : 'content-type;host;x-amz-date;x-amz-target';
    const canonical = `${head}${date}\n${tokenLine}x-amz-target:${canonicalValue(target)}\n\n${signedHeaders}\n${sha256Hex(body)}`;
    const auth = authorization(canonical, date, region, service, credentials, signedHeaders);
    const out = ['host', host, 'content-type', contentType, 'x-amz-target', target, 'x-amz-date', date];
    if (session) out.push('x-amz-security-token', session);
    out.push('authorization', auth);
    return out;
  };
};
