// The single DynamoDB table: keys and GSIs come from functions/store/keys.ts, never respelled here.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../functions/store/keys.ts';

const str = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

export interface SeleksiTableProps {
  /** Customer-managed key: revoking it makes the exam data unreadable, which an AWS-owned key cannot. */
  key: kms.IKey;
  /** prod: RETAIN with deletion protection; dev: DESTROY. */
  removalPolicy: RemovalPolicy;
}

export class SeleksiTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: SeleksiTableProps) {
    super(scope, id);
    const retain = props.removalPolicy === RemovalPolicy.RETAIN;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: str(TABLE_KEYS.partitionKey),
      sortKey: str(TABLE_KEYS.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key,
      deletionProtection: retain,
      removalPolicy: props.removalPolicy,
      // Items that carry `expiresAt` (epoch seconds) go by themselves: login-limit counters, push connections.
      timeToLiveAttribute: 'expiresAt',
    });
    for (const gsi of [TABLE_KEYS.gsi1, TABLE_KEYS.gsi2]) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.name,
        partitionKey: str(gsi.partitionKey),
        sortKey: str(gsi.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}
