// A lean DynamoDB client: JSON over HTTP(S) with SigV4, keep-alive, retries with backoff, SDK-shaped errors.

import type { Agent as HttpAgent, IncomingMessage, RequestOptions } from 'node:http';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { DynamoCommand } from './dynamo-commands.ts';
import { type Credentials, jsonRequestSigner } from './sigv4.ts';

/**
 * Why not @aws-sdk/client-dynamodb: importing it is ≈ 4 × a bare Node start in CPU time (its full command
 * and schema set, endpoint rules, the credential chain), most of the candidate function's cold start
 * (test/bench/notes.md, "Cold start (wave 4)"). The store needs one protocol (JSON 1.0, `X-Amz-Target`),
 * one signer and a retry loop; every operation the SDK offers is still reachable by name.
 */
export interface DynamoClientConfig {
  region: string;
  /** Default https://dynamodb.<region>.amazonaws.com. */
  endpoint?: string;
  /** Static credentials; otherwise AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (Lambda). */
  credentials?: Credentials;
  /** Total tries per request (first included). */
  maxAttempts: number;
  /** Max sockets per agent. */
  maxSockets: number;
  /** Connect timeout, ms. */
  connectionTimeout: number;
  /** Whole-request timeout (send → last byte), ms. */
  requestTimeout: number;
  /** Env to read credentials from (default process.env). */
  env?: Record<string, string | undefined>;
}

/** An error DynamoDB answered: `name` is the service's error type, body fields (Item, CancellationReasons …) kept. */
export class DynamoServiceError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { httpStatusCode: number; requestId?: string; attempts: number };
  [field: string]: unknown;

  constructor(
    name: string,
    message: string,
    status: number,
    requestId: string | undefined,
    attempts: number,
    fields: object,
  ) {
    super(message);
    Object.assign(this, fields);
    this.name = name;
    this.$fault = status >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode: status, ...(requestId ? { requestId } : {}), attempts };
  }
}

/** A request that did not complete in time (named like the SDK's, so store/errors.ts maps it to STORE_UNAVAILABLE). */
class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

const RETRYABLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
  'TimeoutError',
]);
const THROTTLING_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

const retryable = (e: unknown): boolean => {
  if (e instanceof DynamoServiceError) return e.$fault === 'server' || RETRYABLE_NAMES.has(e.name);
  if (e instanceof TimeoutError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
};

/** Full-jitter exponential backoff, like the SDK's standard mode: 100 ms base (500 ms when throttled), 20 s cap. */
const backoff = (e: unknown, attempt: number): number => {
  const base = e instanceof DynamoServiceError && THROTTLING_NAMES.has(e.name) ? 500 : 100;
  return Math.random() * Math.min(20_000, base * 2 ** attempt);
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// node:http(s) through require: an ES import of node:http builds its namespace, whose WebSocket getter loads
// undici (≈ 10 ms CPU of a cold start for nothing).
const require = createRequire(import.meta.url);
type HttpModule = typeof import('node:http');

const envCredentials = (env: Record<string, string | undefined>): Credentials | undefined =>
  env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
    ? {
        accessKeyId: env.AWS_ACCESS_KEY_ID,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
        ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
      }
    : undefined;

interface Expiring extends Credentials {
  expiration?: Date;
}

/** One answer as read: status, body text, and the message (its headers are parsed only if asked for). */
interface Answer {
  status: number;
  body: string;
  message: IncomingMessage;
}

/**
 * Puts a connect timeout on each socket the agent opens (cleared once connected): the timer exists only while
 * a connection is being made, not once per request on a reused keep-alive socket. A timeout destroys the socket
 * with a TimeoutError, which node hands to the request using it as its 'error'.
 */
export const withConnectTimeout = (agent: HttpAgent, ms: number): void => {
  const a = agent as HttpAgent & { createConnection: (...args: unknown[]) => Socket | undefined };
  const create = a.createConnection;
  a.createConnection = function (this: HttpAgent, ...args: unknown[]) {
    const socket = create.apply(this, args);
    if (socket?.connecting) {
      const timer = setTimeout(() => socket.destroy(new TimeoutError(`no connection within ${ms} ms`)), ms);
      const clear = () => clearTimeout(timer);
      socket.once('connect', clear);
      socket.once('close', clear);
    }
    return socket;
  };
};

export class DynamoClient {
  readonly config: DynamoClientConfig;
  private readonly url: URL;
  private readonly http: HttpModule;
  private readonly agent: HttpAgent;
  private readonly fixedCredentials: Credentials | undefined;
  private provided: Promise<Expiring> | undefined;
  /** What every request shares (its headers are the signer's). */
  private readonly base: RequestOptions;
  private readonly sign: ReturnType<typeof jsonRequestSigner>;

  constructor(config: DynamoClientConfig) {
    this.config = config;
    this.url = new URL(config.endpoint ?? `https://dynamodb.${config.region}.amazonaws.com`);
    this.http = require(this.url.protocol === 'https:' ? 'node:https' : 'node:http') as HttpModule;
    this.agent = new this.http.Agent({ keepAlive: true, maxSockets: config.maxSockets });
    withConnectTimeout(this.agent, config.connectionTimeout);
    this.fixedCredentials = config.credentials ?? envCredentials(config.env ?? process.env);
    this.base = {
      protocol: this.url.protocol,
      hostname: this.url.hostname,
      port: this.url.port || undefined,
      method: 'POST',
      path: '/',
      agent: this.agent,
    };
    this.sign = jsonRequestSigner(this.url.host, 'application/x-amz-json-1.0', config.region, 'dynamodb');
  }

  /** Runs one DynamoDB operation (any of the API's, by the command's `op`), retrying transient failures. */
  async send<I, O>(command: DynamoCommand<I, O>): Promise<O> {
    const body = JSON.stringify(command.input);
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.once(command.op, body, attempt)) as O;
      } catch (e) {
        if (attempt >= this.config.maxAttempts || !retryable(e)) throw e;
        await sleep(backoff(e, attempt - 1));
      }
    }
  }

  /** Closes idle keep-alive sockets. */
  destroy(): void {
    this.agent.destroy();
  }

  private async credentials(): Promise<Credentials> {
    if (this.fixedCredentials) return this.fixedCredentials;
    // Off Lambda without static or env credentials (a profile, SSO, an instance role): the SDK's default chain,
    // loaded only then.
    const fresh = async (): Promise<Expiring> => {
      const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
      const sdk = new DynamoDBClient({ region: this.config.region });
      const provider = sdk.config.credentials as () => Promise<Expiring>;
      return provider();
    };
    this.provided ??= fresh();
    const current = await this.provided;
    if (current.expiration && current.expiration.getTime() - Date.now() < 5 * 60_000) {
      this.provided = fresh();
      return this.provided;
    }
    return current;
  }

  private async once(op: string, body: string, attempt: number): Promise<unknown> {
    const credentials = this.fixedCredentials ?? (await this.credentials());
    // node's raw header list: validated once as written, no per-header setHeader bookkeeping.
    const headers = this.sign(`DynamoDB_20120810.${op}`, body, credentials, Date.now());
    headers.push('content-length', String(Buffer.byteLength(body)));
    const res = await this.exchange(headers, body);
    let parsed: Record<string, unknown> = {};
    if (res.body.length > 0) {
      try {
        parsed = JSON.parse(res.body) as Record<string, unknown>;
      } catch {
        if (res.status < 300) throw new Error(`DynamoDB ${op}: unreadable response body`);
      }
    }
    if (res.status < 300) return parsed;
    const requestId = res.message.headers['x-amzn-requestid'];
    const type = typeof parsed.__type === 'string' ? parsed.__type : `HTTP${res.status}`;
    const name = type.slice(type.lastIndexOf('#') + 1);
    const { __type: _t, message, Message, ...fields } = parsed;
    const text = typeof message === 'string' ? message : typeof Message === 'string' ? Message : name;
    throw new DynamoServiceError(name, text, res.status, requestId as string | undefined, attempt, fields);
  }

  private exchange(headers: string[], body: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = this.http.request({ ...this.base, headers });
      const fail = (e: Error) => {
        clearTimeout(whole);
        req.destroy();
        reject(e);
      };
      const whole = setTimeout(
        () => fail(new TimeoutError(`no response within ${this.config.requestTimeout} ms`)),
        this.config.requestTimeout,
      );
      req.on('error', fail);
      req.on('response', (res) => {
        // An answer is most often one chunk: no concatenation then.
        let first: Buffer | undefined;
        let more: Buffer[] | undefined;
        res.on('data', (c: Buffer) => {
          if (first === undefined) first = c;
          else if (more === undefined) more = [first, c];
          else more.push(c);
        });
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(whole);
          const bytes = more ? Buffer.concat(more) : first;
          resolve({ status: res.statusCode ?? 0, body: bytes ? bytes.toString('utf8') : '', message: res });
        });
      });
      req.end(body);
    });
  }
}
