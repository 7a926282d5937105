// Customer-managed KMS keys: `data` (table, audit bucket, backups) and `ops` (alarm topic, sweeper failure queue).
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface SeleksiKeysProps {
  removalPolicy: RemovalPolicy;
}

/** Services that publish to the encrypted alarm topic: CloudWatch alarms and the budget alarm. */
export const OPS_KEY_SERVICES = ['cloudwatch.amazonaws.com', 'budgets.amazonaws.com'] as const;

export class SeleksiKeys extends Construct {
  /** Encrypts exam data at rest: answers, results, audit bundles and their backups. */
  readonly data: kms.Key;
  /** Encrypts operational messages: alarm notifications and failed sweeper events. */
  readonly ops: kms.Key;

  constructor(scope: Construct, id: string, props: SeleksiKeysProps) {
    super(scope, id);
    const common = {
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: props.removalPolicy,
    } satisfies kms.KeyProps;
    this.data = new kms.Key(this, 'Data', {
      ...common,
      description: 'Seleksi exam data (table, audit bucket, backups)',
    });
    this.ops = new kms.Key(this, 'Ops', {
      ...common,
      description: 'Seleksi alarm topic and sweeper failure queue',
    });
    this.ops.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AlarmPublishers',
        principals: OPS_KEY_SERVICES.map((s) => new iam.ServicePrincipal(s)),
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
      }),
    );
  }
}
