// Lambda entry for the scheduled auto-submit sweeper (EventBridge, every minute).
import { type SweepReport, sweepOpenSessions } from '../jobs/sweeper.ts';
import { servicesFromEnv } from './runtime.ts';

const services = await servicesFromEnv({ jwt: false, pepper: false });

export const handler = async (): Promise<SweepReport> => {
  const report = await sweepOpenSessions(services);
  console.log(JSON.stringify({ level: 'info', msg: 'sweep', ...report }));
  return report;
};
