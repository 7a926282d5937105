// ApiFunction: the one way this app builds a Lambda (Node 24, arm64, ESM bundle by local esbuild, logs, secrets).

import { fileURLToPath } from 'node:url';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** Repository root: projectRoot of every bundle and home of the lock file. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Lets an ES module bundle load the CommonJS dependencies esbuild leaves as `require` calls. */
export const esmRequireBanner =
  "import { createRequire as __seleksiCreateRequire } from 'node:module'; const require = __seleksiCreateRequire(import.meta.url);";

/** What the nodejs24.x runtime provides: the AWS SDK v3 and its Smithy core (see docs/deploy.md, AWS SDK). */
export const RUNTIME_SDK_MODULES = ['@aws-sdk/*', '@smithy/*'] as const;

export interface ApiFunctionProps {
  /** Entry file, relative to the repository root, e.g. `functions/handlers/candidate.ts`. */
  entry: string;
  description: string;
  environment: Record<string, string>;
  /** Env var name -> secret: the function gets the secret's ARN in that variable and may read it. */
  secrets?: Record<string, ISecret>;
  /** Default 10 s (API); scheduled jobs may need longer. */
  timeout?: Duration;
  /** The stage's: as long as the data the logs explain in prod. */
  logRetention: logs.RetentionDays;
  /** The stage's: prod keeps log groups when the stack goes. */
  logRemovalPolicy: RemovalPolicy;
  /** Powertools service name (log `service` field, metric dimension `service`). */
  service: string;
  /** A cap on this function's concurrency, so it cannot take the account pool from the candidate function. */
  reservedConcurrency?: number;
  /** Where a failed asynchronous invocation (a scheduled job) goes after its retries. */
  onFailure?: lambda.IDestination;
}

/** CloudWatch namespace of the functions' own EMF metrics (Powertools Metrics). */
export const METRICS_NAMESPACE = 'Seleksi';

export class ApiFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });

    const secretEnv: Record<string, string> = {};
    for (const [name, secret] of Object.entries(props.secrets ?? {})) secretEnv[name] = secret.secretArn;

    this.fn = new NodejsFunction(this, 'Fn', {
      entry: `${repoRoot}${props.entry}`,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}package-lock.json`,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup: this.logGroup,
      reservedConcurrentExecutions: props.reservedConcurrency,
      ...(props.onFailure ? { onFailure: props.onFailure, retryAttempts: 0 } : {}),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.service,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        ...props.environment,
        ...secretEnv,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: esmRequireBanner,
        minify: true,
        sourceMap: true,
        // The nodejs24.x runtime's AWS SDK v3, not a bundled copy: the candidate bundle is 170 KB instead of
        // 661 KB; measured init is the same within noise (docs/benchmarks-lambda.md, docs/deploy.md).
        externalModules: [...RUNTIME_SDK_MODULES],
      },
    });

    for (const secret of Object.values(props.secrets ?? {})) secret.grantRead(this.fn);

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'AWSLambdaBasicExecutionRole only allows creating log streams and putting log events: the ' +
        'AWS-maintained minimum for a function to write its logs.',
    });
  }
}
