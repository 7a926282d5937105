// Lambda entry for the scheduled auto-submit sweeper (EventBridge, every minute): report counts become EMF metrics.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { runScheduledSweep, type SweepReport } from '../jobs/sweeper.ts';
import { createServices } from '../services/index.ts';
import { instrumented, metrics } from './observability.ts';
import { depsFromEnv } from './runtime.ts';

const services = createServices(await depsFromEnv(process.env, { jwt: false, pepper: false }));

export const handler = instrumented(async (): Promise<SweepReport> => {
  const report = await runScheduledSweep(services);
  for (const [name, value] of Object.entries(report)) {
    if (typeof value === 'number')
      metrics.addMetric(`Sweep${name[0]!.toUpperCase()}${name.slice(1)}`, MetricUnit.Count, value);
  }
  return report;
});
