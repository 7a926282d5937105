// Builds both stacks from context: SeleksiGlobalStack (us-east-1: web ACL, budget) and SeleksiStack (the app).
import { type App, Arn, Aws } from 'aws-cdk-lib';
import { SeleksiGlobalStack } from './stacks/global-stack.ts';
import { SeleksiStack } from './stacks/seleksi-stack.ts';
import { STAGE_CONTEXT, stageFromContext } from './stage.ts';

/** Jakarta, unless `-c seleksi:region=...`: the CLI's own default region (us-east-1) is no choice for this app. */
export const DEFAULT_REGION = 'ap-southeast-3';

export const buildApp = (app: App): { global: SeleksiGlobalStack; main: SeleksiStack } => {
  const context = (key: string): unknown => app.node.tryGetContext(key);
  const stage = stageFromContext(context);
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = (context('seleksi:region') as string | undefined) ?? DEFAULT_REGION;

  const alarmTopicName = `seleksi-${stage.name}-alarms`;

  // A CloudFront web ACL must live in us-east-1; the reference crosses regions, so both regions are concrete.
  const global = new SeleksiGlobalStack(app, 'SeleksiGlobalStack', {
    description: 'Seleksi: CloudFront web ACL (rate limit on logins) and the monthly budget alarm',
    env: { account, region: 'us-east-1' },
    crossRegionReferences: true,
    monthlyBudgetUsd: stage.monthlyBudgetUsd,
    alarmTopicArn: Arn.format({
      partition: Aws.PARTITION,
      service: 'sns',
      region,
      account: Aws.ACCOUNT_ID,
      resource: alarmTopicName,
    }),
  });

  const webOrigins = context('seleksi:webOrigins');
  const alarmEmail = context(STAGE_CONTEXT.alarmEmail);
  const main = new SeleksiStack(app, 'SeleksiStack', {
    description: `Seleksi (${stage.name}): serverless exams for civil-service selection`,
    env: { account, region },
    crossRegionReferences: true,
    stage,
    webAclArn: global.webAcl.attrArn,
    alarmTopicName,
    webOrigins: typeof webOrigins === 'string' ? webOrigins.split(',').filter(Boolean) : undefined,
    alarmEmail: typeof alarmEmail === 'string' && alarmEmail ? alarmEmail : undefined,
  });
  main.addStackDependency(global, 'the distribution needs the web ACL ARN');
  return { global, main };
};
