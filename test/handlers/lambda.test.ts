// Lambda entries: the role handlers answer API Gateway HTTP API v2 events with the same apps as the local server.
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../functions/store/index.ts';
import { testConfig } from '../store/helpers.ts';

interface LambdaResult {
  statusCode: number;
  body: string;
  headers?: Record<string, string>;
}
type Handler = (event: unknown, context: unknown) => Promise<LambdaResult>;

const ORIGIN = 'lambda-test-origin-verify-value';

const event = (method: string, path: string, body?: unknown, origin: string | null = ORIGIN) => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: '',
  headers: {
    'content-type': 'application/json',
    host: 'api.example.test',
    ...(origin === null ? {} : { 'x-origin-verify': origin }),
  },
  requestContext: {
    accountId: '123456789012',
    apiId: 'api',
    domainName: 'api.example.test',
    domainPrefix: 'api',
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
    requestId: 'req-1',
    routeKey: '$default',
    stage: '$default',
    time: '25/Nov/2026:10:00:00 +0000',
    timeEpoch: Date.now(),
  },
  body: body === undefined ? undefined : JSON.stringify(body),
  isBase64Encoded: false,
});

let candidate: Handler;
let publicFn: Handler;
beforeAll(async () => {
  const config = testConfig();
  await createStore(config).ensure();
  Object.assign(process.env, {
    TABLE_NAME: config.tableName,
    PUBLIC_BUCKET: config.publicBucket,
    AUDIT_BUCKET: config.auditBucket,
    DYNAMO_ENDPOINT: config.dynamoEndpoint,
    S3_ENDPOINT: config.s3Endpoint,
    JWT_SECRET: 'lambda-test-secret',
    PIN_PEPPER: 'lambda-test-pepper',
    ORIGIN_VERIFY: ORIGIN,
  });
  candidate = (await import('../../functions/handlers/candidate.ts')).handler as unknown as Handler;
  publicFn = (await import('../../functions/handlers/public.ts')).handler as unknown as Handler;
});

describe('lambda handlers', () => {
  it('public handler serves GET /api/health from a v2 event', async () => {
    const res = await publicFn(event('GET', '/api/health'), {});
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', store: 'ok' });
  });

  it.each([
    ['without', null],
    ['with a wrong', 'not-the-value'],
  ])('%s origin-verify header (not through CloudFront): 403 from every handler', async (_w, origin) => {
    for (const [fn, path] of [
      [publicFn, '/api/health'],
      [candidate, '/api/candidate/login'],
    ] as const) {
      const res = await fn(event('GET', path, undefined, origin), {});
      expect(res.statusCode, path).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('FORBIDDEN');
    }
  });

  it('candidate handler validates the login body (400 with fields)', async () => {
    const res = await candidate(event('POST', '/api/candidate/login', { regNo: '1' }), {});
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('VALIDATION');
  });

  it('candidate handler answers an unknown candidate with 401', async () => {
    const res = await candidate(
      event('POST', '/api/candidate/login', { regNo: 'SKD26-00001', pin: '123456' }),
      {},
    );
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('INVALID_CREDENTIALS');
  });
});
