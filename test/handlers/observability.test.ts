// Lambda instrumentation: log lines carry the request id and the cold-start flag; metrics leave as EMF lines.
import type { LambdaContext } from 'hono/aws-lambda';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Observability = typeof import('../../functions/handlers/observability.ts');
let instrumented: Observability['instrumented'];
let metrics: Observability['metrics'];
let log: typeof import('../../functions/services/log.ts')['log'];

beforeAll(async () => {
  // What the Lambda runtime sets; Powertools reports cold starts only for on-demand environments.
  process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
  ({ instrumented, metrics } = await import('../../functions/handlers/observability.ts'));
  ({ log } = await import('../../functions/services/log.ts'));
});

const context = (requestId: string): LambdaContext => ({
  awsRequestId: requestId,
  functionName: 'seleksi-candidate',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:123456789012:function:seleksi-candidate',
  memoryLimitInMB: '1024',
  callbackWaitsForEmptyEventLoop: true,
  logGroupName: '/aws/lambda/seleksi-candidate',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 10_000,
});

let lines: Array<Record<string, unknown>>;
beforeEach(() => {
  lines = [];
  const capture = (chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      try {
        lines.push(JSON.parse(line));
      } catch {
        // not one of ours
      }
    }
    return true;
  };
  // Powertools writes info lines to stdout and error lines to stderr.
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

const emf = () => lines.filter((l) => l._aws !== undefined);
const metricNames = () =>
  emf().flatMap((l) =>
    (l._aws as { CloudWatchMetrics: Array<{ Metrics: Array<{ Name: string }> }> }).CloudWatchMetrics.flatMap(
      (m) => m.Metrics.map((x) => x.Name),
    ),
  );

describe('instrumented', () => {
  it('first invocation: cold start on log lines and one ColdStart metric; later ones: neither', async () => {
    const handler = instrumented(async (event: { n: number }) => {
      log.info('working', { n: event.n });
      return { statusCode: 200, body: '' };
    });

    await handler({ n: 1 }, context('req-1'));
    const first = lines.find((l) => l.message === 'working');
    expect(first).toMatchObject({ level: 'INFO', cold_start: true, function_request_id: 'req-1', n: 1 });
    expect(metricNames()).toEqual(['ColdStart']);

    lines.length = 0;
    await handler({ n: 2 }, context('req-2'));
    const second = lines.find((l) => l.message === 'working');
    expect(second).toMatchObject({ cold_start: false, function_request_id: 'req-2' });
    expect(metricNames()).toEqual([]);
  });

  it('a 5xx answer counts as a ServerErrors metric (EMF, Seleksi namespace)', async () => {
    const handler = instrumented(async () => ({ statusCode: 503, body: '' }));
    await handler({}, context('req-3'));
    expect(metricNames()).toEqual(['ServerErrors']);
    const line = emf()[0]!;
    expect(
      (line._aws as { CloudWatchMetrics: Array<{ Namespace: string }> }).CloudWatchMetrics[0]!.Namespace,
    ).toBe('Seleksi');
    expect(line.ServerErrors).toBe(1);
  });

  it('a thrown error is logged with the request id, counted, and rethrown', async () => {
    const handler = instrumented(async () => {
      throw new Error('store down');
    });
    await expect(handler({}, context('req-4'))).rejects.toThrow('store down');
    const error = lines.find((l) => l.message === 'invocation failed');
    expect(error).toMatchObject({ level: 'ERROR', function_request_id: 'req-4' });
    expect(metricNames()).toEqual(['InvocationErrors']);
  });

  it('custom metrics added during the invocation are flushed with it', async () => {
    const handler = instrumented(async () => {
      metrics.addMetric('SweepFinalized', 'Count', 3);
      return { finalized: 3 };
    });
    await handler({}, context('req-5'));
    expect(metricNames()).toEqual(['SweepFinalized']);
    expect(emf()[0]!.SweepFinalized).toBe(3);
  });
});
