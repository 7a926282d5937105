// Scheduled sweep (EventBridge every minute on AWS, a timer locally): runs the sweep use case and logs its report.
import type { Services } from '../services/index.ts';
import { type SweepReport, sweepOpenSessions } from '../services/sweep.ts';

export type { SweepReport };

export const runScheduledSweep = async (svc: Services): Promise<SweepReport> => {
  const report = await sweepOpenSessions(svc);
  console.log(JSON.stringify({ level: 'info', msg: 'sweep', ...report }));
  return report;
};
