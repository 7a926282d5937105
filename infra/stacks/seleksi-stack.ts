// SeleksiStack: keys, table, buckets, secrets, one Lambda per role plus the sweeper, HTTP API, CloudFront,
// exam-day alarms and dashboard, backups.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { s3Prefixes } from '../../functions/store/keys.ts';
import { ApiFunction } from '../constructs/api-function.ts';
import { SeleksiBackup } from '../constructs/backup.ts';
import { SeleksiBuckets } from '../constructs/buckets.ts';
import { ExamDayAlarms } from '../constructs/exam-day-alarms.ts';
import { type Role, SAVE_ROUTE_KEY, SeleksiHttpApi } from '../constructs/http-api.ts';
import { SeleksiKeys } from '../constructs/keys.ts';
import { PUSH_STAGE, PushApi } from '../constructs/push-api.ts';
import { ORIGIN_VERIFY_HEADER, SECRET_ENV, SeleksiSecrets } from '../constructs/secrets.ts';
import { SeleksiTable } from '../constructs/table.ts';
import { WebDistribution } from '../constructs/web-distribution.ts';
import { acknowledgeWildcards, wildcard } from '../nag/grants.ts';
import type { Stage } from '../stage.ts';

export interface SeleksiStackProps extends StackProps {
  stage: Stage;
  /** CORS origins of the HTTP API (the web app itself is same-origin through CloudFront). */
  webOrigins?: string[];
  /** The CloudFront web ACL (SeleksiWafStack in us-east-1). */
  webAclArn: string;
  /** Subscribed to the alarm topic when given. */
  alarmEmail?: string;
  /** Name of the alarm topic (the budget in SeleksiGlobalStack publishes to it by ARN). */
  alarmTopicName: string;
}

/**
 * Reserved concurrency caps: admin, auditor and public traffic (and the sweeper) can never take the
 * account's pool from candidates, whose function draws on everything left (unreserved).
 */
export const RESERVED_CONCURRENCY = { admin: 50, auditor: 10, public: 50, sweeper: 1, push: 50 } as const;

/** Vite's dev server: lets a web developer point `npm run dev` at a deployed API. */
export const DEFAULT_WEB_ORIGINS = ['http://localhost:5173'];

export class SeleksiStack extends Stack {
  readonly functions: Record<Role | 'sweeper' | 'push', ApiFunction>;

  readonly alarms: ExamDayAlarms;

  constructor(scope: Construct, id: string, props: SeleksiStackProps) {
    super(scope, id, props);
    const { stage } = props;

    const keys = new SeleksiKeys(this, 'Keys', { removalPolicy: stage.removalPolicy });
    const { table } = new SeleksiTable(this, 'Data', { key: keys.data, removalPolicy: stage.removalPolicy });
    const buckets = new SeleksiBuckets(this, 'Buckets', {
      dataKey: keys.data,
      lockRetention: stage.lockRetention,
    });
    const secrets = new SeleksiSecrets(this, 'Secrets');

    // PUBLIC_BUCKET is the bucket of publications (`published/`); the web assets bucket is no function's business.
    const environment = {
      TABLE_NAME: table.tableName,
      PUBLIC_BUCKET: buckets.published.bucketName,
      AUDIT_BUCKET: buckets.audit.bucketName,
      // The API is reached through CloudFront, whose AllViewerExceptHostHeader policy forwards
      // CloudFront-Viewer-Address: login rate limits key on it (functions/api/client-address.ts).
      CLIENT_ADDRESS_SOURCE: 'cloudfront',
    };
    const sweeperFailures = new sqs.Queue(this, 'SweeperFailures', {
      encryptionMasterKey: keys.ops,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(sweeperFailures).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        'This queue is itself the failure destination of the sweeper; an alarm fires on its first message ' +
        'and an operator reads it. Nothing consumes it, so there is nothing to dead-letter.',
    });
    const make = (
      role: Role | 'sweeper' | 'push',
      description: string,
      extra: Partial<ConstructorParameters<typeof ApiFunction>[2]> = {},
    ) =>
      new ApiFunction(this, `${role[0]!.toUpperCase()}${role.slice(1)}Function`, {
        entry: `functions/handlers/${role}.ts`,
        description,
        environment,
        service: `seleksi-${role}`,
        logRetention: stage.logRetention,
        logRemovalPolicy: stage.removalPolicy,
        ...(role === 'candidate' ? {} : { reservedConcurrency: RESERVED_CONCURRENCY[role] }),
        ...extra,
      });
    // Every API function checks the origin-verify header; the sweeper takes no HTTP requests.
    const api = { [SECRET_ENV.originVerify]: secrets.originVerify };
    // Publication secrets: every function that derives a result signs it (candidate, sweeper, admin on a
    // regrade) and shows pseudonyms; admin publishes, auditor builds bundles. Public shows pseudonyms only.
    const pseudonyms = { [SECRET_ENV.pseudonymSecret]: secrets.pseudonymSecret };
    const signing = { ...pseudonyms, [SECRET_ENV.publicationKey]: secrets.publicationKey };

    this.functions = {
      candidate: make('candidate', 'Seleksi API: candidate login, exam delivery, answer saving', {
        secrets: {
          ...api,
          ...signing,
          [SECRET_ENV.jwtSecret]: secrets.jwtSecret,
          [SECRET_ENV.pinPepper]: secrets.pinPepper,
        },
      }),
      admin: make('admin', 'Seleksi API: admin and proctor console, publication', {
        secrets: {
          ...api,
          ...signing,
          [SECRET_ENV.jwtSecret]: secrets.jwtSecret,
          [SECRET_ENV.pinPepper]: secrets.pinPepper,
        },
      }),
      auditor: make('auditor', 'Seleksi API: auditor bundles and verification', {
        secrets: { ...api, ...signing, [SECRET_ENV.jwtSecret]: secrets.jwtSecret },
      }),
      // Public routes and the sweeper verify no token and hash no PIN: no JWT key, no pepper.
      public: make('public', 'Seleksi API: public rankings, scoreboard, health', {
        secrets: { ...api, ...pseudonyms },
      }),
      // One sweep at a time (concurrency 1); a failed one goes to the queue and raises an alarm.
      sweeper: make('sweeper', 'Seleksi job: auto-submits attempts past their deadline', {
        timeout: Duration.seconds(50),
        onFailure: new destinations.SqsDestination(sweeperFailures),
        secrets: signing,
      }),
      // The WebSocket $connect (authorizer + route): verifies candidate tokens, hashes no PIN.
      push: make('push', 'Seleksi push channel: authorizes and registers exam pages on /ws', {
        secrets: { ...api, [SECRET_ENV.jwtSecret]: secrets.jwtSecret },
      }),
    };
    const fn = (role: Role | 'sweeper' | 'push') => this.functions[role].fn;

    // Least privilege, per role; each wildcard the grant helpers produce is acknowledged next to its grant.
    const { published: publishedBucket, audit } = buckets;
    const published = s3Prefixes.published;
    const indexes = wildcard.tableIndexes(table);
    const read = [wildcard.getObject(), wildcard.getBucket(), wildcard.list()];
    // Grants on the table and the audit bucket include their KMS key (decrypt; encrypt for writers).
    const keyWrite = [wildcard.kmsReEncrypt(), wildcard.kmsGenerateDataKey()];

    table.grantReadWriteData(fn('candidate'));
    // Item images live in the private audit bucket (items/); the candidate function presigns GET URLs for them.
    audit.grantRead(fn('candidate'), `${s3Prefixes.itemImages}*`);
    acknowledgeWildcards(fn('candidate'), [
      indexes,
      wildcard.objects(audit, s3Prefixes.itemImages),
      ...read,
      ...keyWrite,
    ]);

    table.grantReadWriteData(fn('admin'));
    publishedBucket.grantPut(fn('admin'), `${published}*`);
    audit.grantPut(fn('admin'));
    acknowledgeWildcards(fn('admin'), [
      indexes,
      wildcard.objects(publishedBucket, published),
      wildcard.objects(audit),
      wildcard.abort(),
      ...keyWrite,
    ]);

    table.grantReadData(fn('auditor'));
    audit.grantRead(fn('auditor'));
    acknowledgeWildcards(fn('auditor'), [indexes, wildcard.objects(audit), ...read]);

    table.grantReadData(fn('public'));
    publishedBucket.grantRead(fn('public'), `${published}*`);
    acknowledgeWildcards(fn('public'), [indexes, wildcard.objects(publishedBucket, published), ...read]);

    table.grantReadWriteData(fn('sweeper'));
    acknowledgeWildcards(fn('sweeper'), [indexes, ...keyWrite]);

    // Push: the $connect function writes one connection item; proctor actions (admin) post to connections.
    table.grantWriteData(fn('push'));
    acknowledgeWildcards(fn('push'), [indexes, ...keyWrite]);
    const push = new PushApi(this, 'Push', {
      connectFunction: fn('push'),
      logRetention: stage.logRetention,
      logRemovalPolicy: stage.removalPolicy,
    });
    push.grantPost(fn('admin'));
    acknowledgeWildcards(fn('admin'), [wildcard.pushConnections(push.api, PUSH_STAGE)]);
    fn('admin').addEnvironment('PUSH_ENDPOINT', push.callbackUrl);

    new events.Rule(this, 'SweeperSchedule', {
      description: 'Every minute: auto-submit attempts whose deadline (+ grace) has passed',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [
        new targets.LambdaFunction(fn('sweeper'), { retryAttempts: 0, maxEventAge: Duration.minutes(1) }),
      ],
    });

    const http = new SeleksiHttpApi(this, 'Http', {
      functions: {
        candidate: fn('candidate'),
        admin: fn('admin'),
        auditor: fn('auditor'),
        public: fn('public'),
      },
      webOrigins: props.webOrigins ?? DEFAULT_WEB_ORIGINS,
      logRetention: stage.logRetention,
      logRemovalPolicy: stage.removalPolicy,
    });

    const web = new WebDistribution(this, 'Web', {
      webBucket: buckets.web,
      publishedBucket,
      api: http.api,
      push: push.api,
      logBucket: buckets.logs,
      // A CloudFormation dynamic reference: the value is resolved at deploy time, never in the template.
      originVerify: { header: ORIGIN_VERIFY_HEADER, value: secrets.originVerify.secretValue.unsafeUnwrap() },
      webAclArn: props.webAclArn,
    });

    this.alarms = new ExamDayAlarms(this, 'ExamDay', {
      api: http.api,
      stage: http.stage,
      saveRouteKey: SAVE_ROUTE_KEY,
      functions: Object.fromEntries(Object.entries(this.functions).map(([role, f]) => [role, f.fn])),
      sweeper: fn('sweeper'),
      sweeperFailures,
      table,
      key: keys.ops,
      topicName: props.alarmTopicName,
      alarmEmail: props.alarmEmail,
    });

    new SeleksiBackup(this, 'Backup', {
      table,
      key: keys.data,
      removalPolicy: stage.removalPolicy,
      dailyRetention: stage.backupRetention,
      monthly: stage.name === 'prod',
    });

    new CfnOutput(this, 'WebUrl', { value: `https://${web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'DistributionId', { value: web.distribution.distributionId });
    new CfnOutput(this, 'ApiUrl', { value: http.api.apiEndpoint });
    new CfnOutput(this, 'PushUrl', { value: push.stage.url });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'WebBucket', { value: buckets.web.bucketName });
    new CfnOutput(this, 'PublishedBucket', { value: publishedBucket.bucketName });
    new CfnOutput(this, 'AuditBucket', { value: buckets.audit.bucketName });
    new CfnOutput(this, 'JwtSecretArn', { value: secrets.jwtSecret.secretArn });
    new CfnOutput(this, 'PinPepperSecretArn', { value: secrets.pinPepper.secretArn });
    new CfnOutput(this, 'PublicationKeySecretArn', { value: secrets.publicationKey.secretArn });
    new CfnOutput(this, 'PseudonymSecretArn', { value: secrets.pseudonymSecret.secretArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }
}
