// Lambda entry for the scheduled auto-submit sweeper (EventBridge, every minute).
import { runScheduledSweep, type SweepReport } from '../jobs/sweeper.ts';
import { servicesFromEnv } from './runtime.ts';

const services = await servicesFromEnv({ jwt: false, pepper: false });

export const handler = async (): Promise<SweepReport> => runScheduledSweep(services);
