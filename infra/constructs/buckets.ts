// The S3 buckets: public (web app + published rankings, read only through CloudFront), audit, and logs.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Settings every bucket here shares: private, TLS only, S3-managed encryption, kept on stack deletion. */
const baseProps = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  encryption: s3.BucketEncryption.S3_MANAGED,
  removalPolicy: RemovalPolicy.RETAIN,
} satisfies s3.BucketProps;

export class SeleksiBuckets extends Construct {
  /** Server access logs of the other buckets and CloudFront standard logs. */
  readonly logs: s3.Bucket;
  /** `web/` (the built web app) and `published/` (rankings, Merkle roots, public keys): public via CloudFront. */
  readonly publicBucket: s3.Bucket;
  /** Auditor bundles: private, versioned. */
  readonly audit: s3.Bucket;

  constructor(scope: Construct, id: string) {
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

    this.publicBucket = new s3.Bucket(this, 'Public', {
      ...baseProps,
      // A published ranking must never change silently: every overwrite keeps the previous version.
      versioned: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/public/',
    });

    this.audit = new s3.Bucket(this, 'Audit', {
      ...baseProps,
      versioned: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/audit/',
    });
  }
}
