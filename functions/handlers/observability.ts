// Lambda instrumentation with Powertools: request id and cold start on every log line, EMF metrics per invocation.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { LambdaContext } from 'hono/aws-lambda';
import { log } from '../services/log.ts';

/** The Lambda context (hono/aws-lambda's spelling of it; Powertools reads request id and function name). */
export type InvocationContext = LambdaContext;

/** Namespace and service come from POWERTOOLS_METRICS_NAMESPACE / POWERTOOLS_SERVICE_NAME (set by the stack). */
export const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Seleksi' });

const isServerError = (result: unknown): boolean =>
  typeof result === 'object' &&
  result !== null &&
  typeof (result as { statusCode?: unknown }).statusCode === 'number' &&
  (result as { statusCode: number }).statusCode >= 500;

/**
 * Wraps a Lambda handler: adds the invocation to the logger (function_request_id, cold_start), emits the
 * ColdStart metric once per container and `ServerErrors` for each 5xx answer, and flushes metrics as EMF
 * (one log line; CloudWatch extracts the metrics, no API call on the request path).
 */
export const instrumented =
  <E, R>(handler: (event: E, context: InvocationContext) => Promise<R>) =>
  async (event: E, context: InvocationContext): Promise<R> => {
    log.addContext(context as never);
    metrics.captureColdStartMetric();
    try {
      const result = await handler(event, context);
      if (isServerError(result)) metrics.addMetric('ServerErrors', MetricUnit.Count, 1);
      return result;
    } catch (err) {
      log.error('invocation failed', err as Error);
      metrics.addMetric('InvocationErrors', MetricUnit.Count, 1);
      throw err;
    } finally {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
