// The S3 buckets: web (app assets), published (rankings, locked), audit (bundles, locked, KMS), and logs.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Settings every bucket here shares: private, TLS only, kept on stack deletion (locked objects outlive it). */
const baseProps = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  encryption: s3.BucketEncryption.S3_MANAGED,
  removalPolicy: RemovalPolicy.RETAIN,
} satisfies s3.BucketProps;

export interface SeleksiBucketsProps {
  /** Encrypts the audit bucket (customer-managed key). */
  dataKey: kms.IKey;
  /** Object Lock default retention (governance mode) of audit bundles and publications. */
  lockRetention: Duration;
}

export class SeleksiBuckets extends Construct {
  /** Server access logs of the other buckets and CloudFront standard logs. */
  readonly logs: s3.Bucket;
  /** `web/`: the built web app, replaced on every deploy; public via CloudFront. */
  readonly web: s3.Bucket;
  /** `published/`: rankings, Merkle roots, public keys; public via CloudFront; every version locked. */
  readonly published: s3.Bucket;
  /** Auditor bundles and item images: private, versioned, locked, encrypted with the data key. */
  readonly audit: s3.Bucket;

  constructor(scope: Construct, id: string, props: SeleksiBucketsProps) {
    super(scope, id);

    this.logs = new s3.Bucket(this, 'Logs', {
      ...baseProps,
      // CloudFront standard logging writes with an ACL grant, so this bucket keeps ACLs for the owner.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(400) }],
    });
    Validations.of(this.logs).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop.',
    });

    this.web = new s3.Bucket(this, 'Web', {
      ...baseProps,
      // Assets are replaced on every deploy (`aws s3 sync --delete`); versions only help a rollback.
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/web/',
    });

    const lock = s3.ObjectLockRetention.governance(props.lockRetention);
    this.published = new s3.Bucket(this, 'Published', {
      ...baseProps,
      // A published ranking must never change silently: every version is kept and locked (governance).
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: lock,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/published/',
    });

    this.audit = new s3.Bucket(this, 'Audit', {
      ...baseProps,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.dataKey,
      bucketKeyEnabled: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: lock,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/audit/',
    });
  }
}
