// AWS Backup of the table: daily (and monthly in prod) recovery points in a vault encrypted with the data key.
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface SeleksiBackupProps {
  table: dynamodb.ITable;
  key: kms.IKey;
  removalPolicy: RemovalPolicy;
  /** Daily recovery points are kept this long. */
  dailyRetention: Duration;
  /** Adds monthly recovery points kept for a year (prod). */
  monthly: boolean;
}

export class SeleksiBackup extends Construct {
  readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: SeleksiBackupProps) {
    super(scope, id);
    const vault = new backup.BackupVault(this, 'Vault', {
      encryptionKey: props.key,
      removalPolicy: props.removalPolicy,
    });
    // Point-in-time recovery covers the last 35 days to the second; these are the long-term copies.
    const rules = [
      new backup.BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: events.Schedule.cron({ hour: '18', minute: '0' }), // 01:00 WIB, after the day's sessions
        deleteAfter: props.dailyRetention,
      }),
    ];
    if (props.monthly) {
      rules.push(
        new backup.BackupPlanRule({
          ruleName: 'Monthly',
          scheduleExpression: events.Schedule.cron({ day: '1', hour: '18', minute: '0' }),
          moveToColdStorageAfter: Duration.days(30),
          deleteAfter: Duration.days(365),
        }),
      );
    }
    this.plan = new backup.BackupPlan(this, 'Plan', { backupVault: vault, backupPlanRules: rules });
    const selection = this.plan.addSelection('Table', {
      resources: [backup.BackupResource.fromDynamoDbTable(props.table)],
    });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'The AWS-maintained role policy AWS Backup needs to create recovery points of the selected table.',
    });
  }
}
