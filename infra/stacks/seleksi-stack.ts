// SeleksiStack: table, buckets, secrets, one Lambda per role plus the sweeper, HTTP API, CloudFront.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { s3Prefixes } from '../../functions/store/keys.ts';
import { ApiFunction } from '../constructs/api-function.ts';
import { SeleksiBuckets } from '../constructs/buckets.ts';
import { type Role, SeleksiHttpApi } from '../constructs/http-api.ts';
import { SECRET_ENV, SeleksiSecrets } from '../constructs/secrets.ts';
import { SeleksiTable } from '../constructs/table.ts';
import { WebDistribution } from '../constructs/web-distribution.ts';
import { acknowledgeWildcards, wildcard } from '../nag/grants.ts';

export interface SeleksiStackProps extends StackProps {
  /** CORS origins of the HTTP API (the web app itself is same-origin through CloudFront). */
  webOrigins?: string[];
}

/** Vite's dev server: lets a web developer point `npm run dev` at a deployed API. */
export const DEFAULT_WEB_ORIGINS = ['http://localhost:5173'];

export class SeleksiStack extends Stack {
  readonly functions: Record<Role | 'sweeper', ApiFunction>;

  constructor(scope: Construct, id: string, props: SeleksiStackProps = {}) {
    super(scope, id, props);

    const { table } = new SeleksiTable(this, 'Data');
    const buckets = new SeleksiBuckets(this, 'Buckets');
    const secrets = new SeleksiSecrets(this, 'Secrets');

    const environment = {
      TABLE_NAME: table.tableName,
      PUBLIC_BUCKET: buckets.publicBucket.bucketName,
      AUDIT_BUCKET: buckets.audit.bucketName,
    };
    const make = (
      role: Role | 'sweeper',
      description: string,
      extra: Partial<ConstructorParameters<typeof ApiFunction>[2]> = {},
    ) =>
      new ApiFunction(this, `${role[0]!.toUpperCase()}${role.slice(1)}Function`, {
        entry: `functions/handlers/${role}.ts`,
        description,
        environment,
        ...extra,
      });

    this.functions = {
      candidate: make('candidate', 'Seleksi API: candidate login, exam delivery, answer saving', {
        secrets: { [SECRET_ENV.jwtSecret]: secrets.jwtSecret, [SECRET_ENV.pinPepper]: secrets.pinPepper },
      }),
      admin: make('admin', 'Seleksi API: admin and proctor console, publication', {
        secrets: { [SECRET_ENV.jwtSecret]: secrets.jwtSecret, [SECRET_ENV.pinPepper]: secrets.pinPepper },
      }),
      auditor: make('auditor', 'Seleksi API: auditor bundles and verification', {
        secrets: { [SECRET_ENV.jwtSecret]: secrets.jwtSecret },
      }),
      // Public routes and the sweeper verify no token and hash no PIN: they get no secret at all.
      public: make('public', 'Seleksi API: public rankings, scoreboard, health'),
      sweeper: make('sweeper', 'Seleksi job: auto-submits attempts past their deadline', {
        timeout: Duration.seconds(50),
      }),
    };
    const fn = (role: Role | 'sweeper') => this.functions[role].fn;

    // Least privilege, per role; each wildcard the grant helpers produce is acknowledged next to its grant.
    const { publicBucket, audit } = buckets;
    const published = s3Prefixes.published;
    const indexes = wildcard.tableIndexes(table);
    const read = [wildcard.getObject(), wildcard.getBucket(), wildcard.list()];

    table.grantReadWriteData(fn('candidate'));
    // Item images live in the private audit bucket (items/); the candidate function presigns GET URLs for them.
    audit.grantRead(fn('candidate'), `${s3Prefixes.itemImages}*`);
    acknowledgeWildcards(fn('candidate'), [indexes, wildcard.objects(audit, s3Prefixes.itemImages), ...read]);

    table.grantReadWriteData(fn('admin'));
    publicBucket.grantPut(fn('admin'), `${published}*`);
    audit.grantPut(fn('admin'));
    acknowledgeWildcards(fn('admin'), [
      indexes,
      wildcard.objects(publicBucket, published),
      wildcard.objects(audit),
      wildcard.abort(),
    ]);

    table.grantReadData(fn('auditor'));
    audit.grantRead(fn('auditor'));
    acknowledgeWildcards(fn('auditor'), [indexes, wildcard.objects(audit), ...read]);

    table.grantReadData(fn('public'));
    publicBucket.grantRead(fn('public'), `${published}*`);
    acknowledgeWildcards(fn('public'), [indexes, wildcard.objects(publicBucket, published), ...read]);

    table.grantReadWriteData(fn('sweeper'));
    acknowledgeWildcards(fn('sweeper'), [indexes]);

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
    });

    const web = new WebDistribution(this, 'Web', {
      publicBucket: buckets.publicBucket,
      api: http.api,
      logBucket: buckets.logs,
    });

    new CfnOutput(this, 'WebUrl', { value: `https://${web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'DistributionId', { value: web.distribution.distributionId });
    new CfnOutput(this, 'ApiUrl', { value: http.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'PublicBucket', { value: buckets.publicBucket.bucketName });
    new CfnOutput(this, 'AuditBucket', { value: buckets.audit.bucketName });
    new CfnOutput(this, 'JwtSecretArn', { value: secrets.jwtSecret.secretArn });
    new CfnOutput(this, 'PinPepperSecretArn', { value: secrets.pinPepper.secretArn });
  }
}
