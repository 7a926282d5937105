// Exam day on AWS: both stacks from infra/seleksi-app.ts, dev and prod — web ACL, origin verify, alarms,
// dashboard, reserved concurrency, sweeper failure destination, KMS, Object Lock, retention, backups, budget.
import type { CfnElement } from 'aws-cdk-lib';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALARM_THRESHOLDS } from '../../infra/constructs/exam-day-alarms.ts';
import { SAVE_ROUTE_KEY } from '../../infra/constructs/http-api.ts';
import { ORIGIN_VERIFY_HEADER, SECRET_ENV } from '../../infra/constructs/secrets.ts';
import { buildApp, DEFAULT_REGION } from '../../infra/seleksi-app.ts';
import { LOGIN_PATHS, LOGIN_RATE_LIMIT } from '../../infra/stacks/global-stack.ts';
import { RESERVED_CONCURRENCY, type SeleksiStack } from '../../infra/stacks/seleksi-stack.ts';
import { stageFromContext } from '../../infra/stage.ts';
import { unacknowledgedFindings } from './nag-findings.ts';

type Resources = Record<
  string,
  { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string }
>;

interface Built {
  main: SeleksiStack;
  template: Template;
  global: Template;
  findings: ReturnType<typeof unacknowledgedFindings>;
}

const build = (context: Record<string, unknown>): Built => {
  // No esbuild here (test/infra/synth.test.ts bundles once); cross-region references resolve at synth.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const { global, main } = buildApp(app);
  app.synth();
  return {
    main,
    template: Template.fromStack(main),
    global: Template.fromStack(global),
    findings: [...unacknowledgedFindings(global), ...unacknowledgedFindings(main)],
  };
};

let dev: Built;
let prod: Built;
beforeAll(() => {
  dev = build({});
  prod = build({
    'seleksi:stage': 'prod',
    'seleksi:lockDays': 3650,
    'seleksi:alarmEmail': 'ops@example.test',
  });
}, 120_000);

const idOf = (b: Built, construct: { node: { defaultChild?: unknown } }): string =>
  b.main.getLogicalId(construct.node.defaultChild as CfnElement);
const resources = (t: Template, type: string): Resources => t.findResources(type) as Resources;
/** The app's five functions (not CDK's cross-region reader provider). */
const appFunctions = (b: Built) => {
  const all = resources(b.template, 'AWS::Lambda::Function');
  return Object.values(b.main.functions).map((f) => all[idOf(b, f.fn)]!);
};

describe('cdk-nag on both stacks', () => {
  it.each(['dev', 'prod'])('%s: no finding left unacknowledged', (stage) => {
    expect((stage === 'dev' ? dev : prod).findings).toEqual([]);
  });
});

describe('web ACL (SeleksiGlobalStack, us-east-1)', () => {
  it('is a CloudFront-scope ACL with a per-IP rate limit scoped to exactly the login routes', () => {
    expect(dev.main.region).toBe(DEFAULT_REGION);
    dev.global.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'LoginRateLimit',
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: Match.objectLike({
              Limit: LOGIN_RATE_LIMIT,
              AggregateKeyType: 'IP',
              ScopeDownStatement: {
                OrStatement: {
                  Statements: LOGIN_PATHS.map((p) => ({
                    ByteMatchStatement: Match.objectLike({
                      SearchString: p,
                      PositionalConstraint: 'EXACTLY',
                    }),
                  })),
                },
              },
            }),
          },
        }),
      ]),
    });
  });

  it('the distribution uses it through a cross-region reference, not a same-region import', () => {
    const dist = Object.values(resources(dev.template, 'AWS::CloudFront::Distribution'))[0]!;
    const webAcl = (dist.Properties.DistributionConfig as { WebACLId: unknown }).WebACLId;
    expect(JSON.stringify(webAcl)).not.toContain('Fn::ImportValue');
    expect(JSON.stringify(webAcl)).toContain('ExportsReader');
  });

  it('the monthly budget notifies the exam-day alarm topic of the stage', () => {
    prod.global.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({ BudgetType: 'COST', BudgetLimit: { Amount: 2000, Unit: 'USD' } }),
      NotificationsWithSubscribers: Match.arrayWith([
        Match.objectLike({
          Notification: Match.objectLike({ NotificationType: 'ACTUAL', Threshold: 80 }),
          Subscribers: [{ SubscriptionType: 'SNS', Address: Match.anyValue() }],
        }),
      ]),
    });
    const budget = Object.values(resources(prod.global, 'AWS::Budgets::Budget'))[0]!;
    expect(JSON.stringify(budget.Properties)).toContain(`:${DEFAULT_REGION}:`);
    expect(JSON.stringify(budget.Properties)).toContain('seleksi-prod-alarms');
    prod.template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'seleksi-prod-alarms' });
  });
});

describe('origin verify and concurrency', () => {
  it('CloudFront sends the origin-verify header to the API, its value resolved from the secret at deploy', () => {
    const dist = Object.values(resources(dev.template, 'AWS::CloudFront::Distribution'))[0]!;
    const origins = (dist.Properties.DistributionConfig as { Origins: Array<Record<string, unknown>> })
      .Origins;
    const api = origins.find((o) => o.CustomOriginConfig)!;
    const headers = api.OriginCustomHeaders as Array<{ HeaderName: string; HeaderValue: unknown }>;
    expect(headers.map((h) => h.HeaderName)).toEqual([ORIGIN_VERIFY_HEADER]);
    expect(JSON.stringify(headers[0]!.HeaderValue)).toContain('{{resolve:secretsmanager:');
    // S3 origins get no such header: the secret goes only where it is checked.
    for (const o of origins.filter((x) => !x.CustomOriginConfig))
      expect(o.OriginCustomHeaders).toBeUndefined();
  });

  it('every API function learns the secret (by ARN); the sweeper takes no HTTP and gets none', () => {
    const fns = resources(dev.template, 'AWS::Lambda::Function');
    const env = (role: keyof SeleksiStack['functions']) =>
      (
        fns[idOf(dev, dev.main.functions[role].fn)]!.Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
    for (const role of ['candidate', 'admin', 'auditor', 'public'] as const) {
      expect(Object.keys(env(role)), role).toContain(SECRET_ENV.originVerify);
    }
    expect(Object.keys(env('sweeper'))).not.toContain(SECRET_ENV.originVerify);
  });

  it('admin, auditor, public and the sweeper are capped; the candidate function draws on the rest', () => {
    const fns = resources(dev.template, 'AWS::Lambda::Function');
    const reserved = (role: keyof SeleksiStack['functions']) =>
      fns[idOf(dev, dev.main.functions[role].fn)]!.Properties.ReservedConcurrentExecutions;
    expect(reserved('candidate')).toBeUndefined();
    for (const [role, n] of Object.entries(RESERVED_CONCURRENCY)) {
      expect(reserved(role as keyof typeof RESERVED_CONCURRENCY), role).toBe(n);
    }
    expect(RESERVED_CONCURRENCY.sweeper).toBe(1);
  });

  it('a failed sweep is not retried and goes to an encrypted queue', () => {
    const sweeper = idOf(dev, dev.main.functions.sweeper.fn);
    dev.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: sweeper },
      MaximumRetryAttempts: 0,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } },
    });
    dev.template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: Match.anyValue() });
  });

  it('every function logs and measures with Powertools (service name, EMF namespace)', () => {
    for (const fn of appFunctions(dev)) {
      const vars = (fn.Properties.Environment as { Variables: Record<string, string> }).Variables;
      expect(vars.POWERTOOLS_SERVICE_NAME).toMatch(/^seleksi-(candidate|admin|auditor|public|sweeper|push)$/);
      expect(vars.POWERTOOLS_METRICS_NAMESPACE).toBe('Seleksi');
    }
  });
});

describe('alarms and dashboard', () => {
  const alarms = () => Object.values(resources(dev.template, 'AWS::CloudWatch::Alarm'));

  it('every alarm notifies the one topic, which is KMS-encrypted', () => {
    const topic = Object.keys(resources(dev.template, 'AWS::SNS::Topic'));
    expect(topic).toHaveLength(1);
    dev.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    expect(alarms().length).toBe(16); // 14 + the push function's errors and throttles
    for (const a of alarms()) expect(a.Properties.AlarmActions).toEqual([{ Ref: topic[0] }]);
  });

  it('API 5xx as a rate of all requests', () => {
    const rate = alarms().find((a) => JSON.stringify(a.Properties).includes('100 * errors / requests'));
    expect(rate?.Properties.Threshold).toBe(ALARM_THRESHOLDS.api5xxPercent);
    expect(JSON.stringify(rate?.Properties)).toContain('"MetricName":"5xx"');
  });

  it('p99 latency of the save route, which has its own API route', () => {
    const save = alarms().filter((a) => JSON.stringify(a.Properties).includes('"MetricName":"Latency"'));
    expect(save).toHaveLength(1);
    expect(save[0]!.Properties.Threshold).toBe(ALARM_THRESHOLDS.saveP99Ms);
    const text = JSON.stringify(save[0]!.Properties);
    expect(text).toContain('"Stat":"p99"');
    expect(text).toContain(JSON.stringify({ Name: 'Route', Value: SAVE_ROUTE_KEY }));
  });

  it.each(['candidate', 'admin', 'auditor', 'public', 'sweeper'] as const)(
    '%s: errors and throttles',
    (role) => {
      const fn = idOf(dev, dev.main.functions[role].fn);
      for (const metric of ['Errors', 'Throttles']) {
        const found = alarms().filter((a) => {
          const text = JSON.stringify(a.Properties);
          return (
            text.includes(`"MetricName":"${metric}"`) &&
            text.includes(JSON.stringify([{ Name: 'FunctionName', Value: { Ref: fn } }]))
          );
        });
        // The sweeper's errors also feed the sweeper-failures alarm (with its failure queue).
        expect(found, `${role} ${metric}`).toHaveLength(role === 'sweeper' && metric === 'Errors' ? 2 : 1);
      }
    },
  );

  it('DynamoDB throttled requests and sweeper failures (errors + failure queue)', () => {
    const text = alarms().map((a) => JSON.stringify(a.Properties));
    expect(text.filter((t) => t.includes('ThrottledRequests'))).toHaveLength(1);
    const sweeper = text.filter((t) => t.includes('errors + queued'));
    expect(sweeper).toHaveLength(1);
    expect(sweeper[0]).toContain('ApproximateNumberOfMessagesVisible');
  });

  it('one exam-day dashboard', () => {
    dev.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

describe('data', () => {
  const bucket = (b: Built, name: string) =>
    resources(b.template, 'AWS::S3::Bucket')[idOf(b, b.main.node.findChild('Buckets').node.findChild(name))]!;

  it('the audit bucket is encrypted with the customer-managed data key', () => {
    const key = idOf(dev, dev.main.node.findChild('Keys').node.findChild('Data'));
    expect(bucket(dev, 'Audit').Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': [key, 'Arn'] },
          },
        },
      ],
    });
  });

  it('audit bundles and publications are locked (governance, configurable); web assets are not', () => {
    for (const [b, days] of [
      [dev, 1],
      [prod, 3650],
    ] as const) {
      for (const name of ['Audit', 'Published']) {
        expect(bucket(b, name).Properties.ObjectLockEnabled, name).toBe(true);
        expect(bucket(b, name).Properties.ObjectLockConfiguration).toEqual({
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: days } },
        });
      }
      expect(bucket(b, 'Web').Properties.ObjectLockEnabled).toBeUndefined();
    }
  });

  it('functions write publications to the locked bucket, not to the web bucket', () => {
    const published = idOf(dev, dev.main.node.findChild('Buckets').node.findChild('Published'));
    for (const fn of appFunctions(dev)) {
      const vars = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(vars.PUBLIC_BUCKET).toEqual({ Ref: published });
    }
  });

  it('prod retains table, key and log groups (logs two years); dev cleans up (one month)', () => {
    for (const [b, policy, days] of [
      [prod, 'Retain', 731],
      [dev, 'Delete', 30],
    ] as const) {
      for (const type of [
        'AWS::DynamoDB::Table',
        'AWS::KMS::Key',
        'AWS::Logs::LogGroup',
        'AWS::Backup::BackupVault',
      ]) {
        const all = Object.values(resources(b.template, type));
        expect(all.length, type).toBeGreaterThan(0);
        for (const r of all) expect(r.DeletionPolicy, `${type} ${policy}`).toBe(policy);
      }
      for (const lg of Object.values(resources(b.template, 'AWS::Logs::LogGroup'))) {
        expect(lg.Properties.RetentionInDays).toBe(days);
      }
    }
    prod.template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
  });

  it('AWS Backup copies the table daily (plus monthly in prod) into a vault under the data key', () => {
    const table = idOf(dev, dev.main.node.findChild('Data').node.findChild('Table'));
    dev.template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [table, 'Arn'] }] }),
    });
    dev.template.hasResourceProperties('AWS::Backup::BackupVault', { EncryptionKeyArn: Match.anyValue() });
    const rules = (t: Template) =>
      (
        Object.values(resources(t, 'AWS::Backup::BackupPlan'))[0]!.Properties.BackupPlan as {
          BackupPlanRule: Array<{ RuleName: string }>;
        }
      ).BackupPlanRule.map((r) => r.RuleName);
    expect(rules(dev.template)).toEqual(['Daily']);
    expect(rules(prod.template)).toEqual(['Daily', 'Monthly']);
  });

  it('an alarm e-mail from context subscribes to the topic', () => {
    prod.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.test',
    });
    dev.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('stage from context', () => {
  it.each([
    [{}, 'dev', 1],
    [{ 'seleksi:stage': 'prod' }, 'prod', 730],
    [{ 'seleksi:stage': 'prod', 'seleksi:lockDays': '90' }, 'prod', 90],
  ])('%j -> %s, lock %i days', (ctx, name, days) => {
    const stage = stageFromContext((k) => (ctx as Record<string, unknown>)[k]);
    expect(stage.name).toBe(name);
    expect(stage.lockRetention.toDays()).toBe(days);
  });

  it.each([
    [{ 'seleksi:stage': 'production' }],
    [{ 'seleksi:lockDays': '0' }],
    [{ 'seleksi:monthlyBudgetUsd': 'x' }],
  ])('refuses %j', (ctx) => {
    expect(() => stageFromContext((k) => (ctx as Record<string, unknown>)[k])).toThrow(/context seleksi:/);
  });
});
