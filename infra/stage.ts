// Deployment stage (`dev` | `prod`) from CDK context: what is kept on deletion, how long, and the alarm budget.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';

export type StageName = 'dev' | 'prod';

export interface Stage {
  name: StageName;
  /** Table, KMS key, log groups and backup vault: prod retains everything, dev cleans up after itself. */
  removalPolicy: RemovalPolicy;
  /** Log groups live as long as the data they explain in prod (the objection period and its appeals). */
  logRetention: logs.RetentionDays;
  /** Object Lock (governance) default retention of audit bundles and publications. */
  lockRetention: Duration;
  /** Monthly cost budget in USD: the budget alarm fires at 80 % actual and 100 % forecast. */
  monthlyBudgetUsd: number;
  /** Daily backups kept this long (plus monthly ones for a year in prod). */
  backupRetention: Duration;
}

/** Context keys read here (all optional): `-c seleksi:stage=prod -c seleksi:lockDays=730`. */
export const STAGE_CONTEXT = {
  stage: 'seleksi:stage',
  lockDays: 'seleksi:lockDays',
  budgetUsd: 'seleksi:monthlyBudgetUsd',
  alarmEmail: 'seleksi:alarmEmail',
} as const;

const DEFAULTS: Record<StageName, Omit<Stage, 'name'>> = {
  dev: {
    removalPolicy: RemovalPolicy.DESTROY,
    logRetention: logs.RetentionDays.ONE_MONTH,
    lockRetention: Duration.days(1),
    monthlyBudgetUsd: 50,
    backupRetention: Duration.days(7),
  },
  prod: {
    removalPolicy: RemovalPolicy.RETAIN,
    logRetention: logs.RetentionDays.TWO_YEARS,
    lockRetention: Duration.days(730),
    monthlyBudgetUsd: 2_000,
    backupRetention: Duration.days(35),
  },
};

const positive = (value: unknown, key: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`context ${key} must be a positive number, got ${value}`);
  return n;
};

/** Reads the stage from context (default `dev`); an unknown stage name is an error, not a silent dev. */
export const stageFromContext = (tryGetContext: (key: string) => unknown): Stage => {
  const raw = tryGetContext(STAGE_CONTEXT.stage) ?? 'dev';
  if (raw !== 'dev' && raw !== 'prod')
    throw new Error(`context ${STAGE_CONTEXT.stage} must be dev or prod, got ${raw}`);
  const base = DEFAULTS[raw];
  const lockDays = positive(tryGetContext(STAGE_CONTEXT.lockDays), STAGE_CONTEXT.lockDays);
  const budget = positive(tryGetContext(STAGE_CONTEXT.budgetUsd), STAGE_CONTEXT.budgetUsd);
  return {
    name: raw,
    ...base,
    ...(lockDays ? { lockRetention: Duration.days(lockDays) } : {}),
    ...(budget ? { monthlyBudgetUsd: budget } : {}),
  };
};
