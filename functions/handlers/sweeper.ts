// Lambda entry for the scheduled auto-submit sweeper (EventBridge, every minute).
import { sweepOpenSessions } from '../jobs/sweeper.ts';
import { servicesFromEnv } from './runtime.ts';

const services = await servicesFromEnv({ jwt: false, pepper: false });

export const handler = async (): Promise<{ checked: number; finalized: number }> => {
  const report = await sweepOpenSessions(services);
  console.log(JSON.stringify({ level: 'info', msg: 'sweep', ...report }));
  return report;
};
