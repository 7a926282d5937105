// Scheduled sweep (EventBridge every minute on AWS, a timer locally): runs the sweep use case and logs its report.
import type { Services } from '../services/index.ts';
import { log } from '../services/log.ts';
import { type SweepReport, sweepOpenSessions } from '../services/sweep.ts';

export type { SweepReport };

export const runScheduledSweep = async (svc: Services): Promise<SweepReport> => {
  const report = await sweepOpenSessions(svc);
  log.info('sweep', { ...report });
  return report;
};
