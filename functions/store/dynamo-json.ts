// Lean DynamoDB JSON 1.0 transport for the embedded store: data-plane commands as plain JSON over keep-alive HTTP.
import { type Agent, request } from 'node:http';

/**
 * The store's data-plane operations. Their inputs are already in DynamoDB's wire shape (AttributeValue
 * maps, string numbers, no blobs or dates in what the store sends), so `JSON.stringify(input)` is the
 * request body and `JSON.parse(body)` the output, with no schema walk.
 */
export const JSON_OPERATIONS = [
  'PutItem',
  'GetItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'BatchGetItem',
  'BatchWriteItem',
] as const;
export type JsonOperation = (typeof JSON_OPERATIONS)[number];

/** Service error names the SDK's standard retry strategy retries (plus any 5xx and network failure). */
const RETRYABLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
]);

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

export interface DynamoJsonOptions {
  /** http:// endpoint (the embedded store). */
  endpoint: string;
  /** Adds the date and authorization headers (the local store checks their form, not a signature). */
  sign(headers: Record<string, string>): void;
  agent: Agent;
  /** Tries per call, the first included (as the SDK's maxAttempts). */
  maxAttempts: number;
  requestTimeoutMs: number;
}

/** A service error shaped like the SDK's: `name` from `__type`, the body's fields, `$fault`, `$metadata`. */
export class DynamoServiceError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { httpStatusCode: number; requestId?: string; attempts: number };
  [field: string]: unknown;

  constructor(
    status: number,
    body: Record<string, unknown>,
    requestId: string | undefined,
    attempts: number,
  ) {
    const type = typeof body.__type === 'string' ? body.__type : '';
    const message = body.message ?? body.Message;
    super(typeof message === 'string' ? message : `DynamoDB error ${status}`);
    for (const [k, v] of Object.entries(body)) {
      if (k !== '__type' && k !== 'message' && k !== 'Message') this[k] = v;
    }
    this.name =
      type.slice(type.lastIndexOf('#') + 1) || (status >= 500 ? 'InternalServerError' : 'UnknownError');
    this.$fault = status >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode: status, requestId, attempts };
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const retryable = (e: unknown): boolean => {
  if (e instanceof DynamoServiceError) return e.$fault === 'server' || RETRYABLE_NAMES.has(e.name);
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
};

export interface DynamoJson {
  call(operation: JsonOperation, input: object): Promise<Record<string, unknown>>;
}

export const createDynamoJson = (opts: DynamoJsonOptions): DynamoJson => {
  const url = new URL(opts.endpoint);
  if (url.protocol !== 'http:')
    throw new Error(`lean DynamoDB transport takes http:// only: ${opts.endpoint}`);
  const host = url.hostname;
  const port = url.port || '80';
  const hostHeader = url.host;

  const once = (operation: JsonOperation, body: string, attempt: number): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = {
        host: hostHeader,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${operation}`,
        'content-length': String(Buffer.byteLength(body)),
      };
      opts.sign(headers);
      const req = request({ agent: opts.agent, host, port, method: 'POST', path: '/', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const text =
            chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
          let parsed: Record<string, unknown>;
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            parsed = {
              __type: status >= 500 ? 'InternalServerError' : 'SerializationException',
              message: text,
            };
          }
          if (status >= 200 && status < 300) resolve(parsed);
          else {
            const id = res.headers['x-amzn-requestid'];
            reject(new DynamoServiceError(status, parsed, typeof id === 'string' ? id : undefined, attempt));
          }
        });
      });
      req.setTimeout(opts.requestTimeoutMs, () => {
        req.destroy(
          Object.assign(new Error(`request timed out after ${opts.requestTimeoutMs} ms`), {
            name: 'TimeoutError',
            code: 'ETIMEDOUT',
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });

  return {
    async call(operation, input) {
      const body = JSON.stringify(input);
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(operation, body, attempt);
        } catch (e) {
          if (attempt >= opts.maxAttempts || !retryable(e)) throw e;
          // Full jitter on an exponential base, as the SDK's standard strategy (100 ms base, capped).
          await sleep(Math.random() * Math.min(2_000, 100 * 2 ** (attempt - 1)));
        }
      }
    },
  };
};
