// cdk-nag acknowledgements for the wildcards produced by CDK's scoped grant helpers (grantRead, grantPut, ...).
import { type CfnElement, Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** How cdk-nag prints the ARN of a resource in a finding: `<LogicalId.Arn>`. */
export const nagArn = (resource: IConstruct): string => {
  const cfn = resource.node.defaultChild as CfnElement;
  return `<${Stack.of(resource).getLogicalId(cfn)}.Arn>`;
};

const READ = 'Read-only actions expanded by CDK grantRead, on one bucket only';

/** Finding suffix (inside `AwsSolutions-IAM5[...]`) -> the reason the wildcard is acceptable. */
export const wildcard = {
  tableIndexes: (table: IConstruct): [string, string] => [
    `Resource::${nagArn(table)}/index/*`,
    'Queries on the indexes of this one table (GSI1 attempts by session, GSI2 results by formation).',
  ],
  objects: (bucket: IConstruct, prefix = ''): [string, string] => [
    `Resource::${nagArn(bucket)}/${prefix}*`,
    prefix
      ? `Objects under ${prefix} of one bucket; object keys are chosen at run time.`
      : 'Objects of this one bucket, whose keys are chosen at run time.',
  ],
  getObject: (): [string, string] => [
    'Action::s3:GetObject*',
    `${READ} (GetObject, its version, ACL, tagging).`,
  ],
  getBucket: (): [string, string] => ['Action::s3:GetBucket*', `${READ} (bucket metadata).`],
  list: (): [string, string] => ['Action::s3:List*', `${READ} (listing keys, e.g. the published files).`],
  abort: (): [string, string] => ['Action::s3:Abort*', 'Lets grantPut abort its own multipart uploads.'],
  /** What WebSocketStage.grantManagementApiAccess makes: post to any connection of one stage of one API. */
  pushConnections: (api: IConstruct, stageName: string): [string, string] => {
    const stack = Stack.of(api);
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const id = stack.getLogicalId(api.node.defaultChild as CfnElement);
    return [
      `Resource::arn:<AWS::Partition>:execute-api:${region}:<AWS::AccountId>:<${id}>/${stageName}/*/@connections/*`,
      'Post a signal to the open exam pages of this one WebSocket stage; connection ids are made by API Gateway at connect time.',
    ];
  },
  kmsReEncrypt: (): [string, string] => [
    'Action::kms:ReEncrypt*',
    'Expanded by CDK when granting writes on data encrypted with the one customer-managed data key.',
  ],
  kmsGenerateDataKey: (): [string, string] => [
    'Action::kms:GenerateDataKey*',
    'Expanded by CDK when granting writes on data encrypted with the one customer-managed data key.',
  ],
};

export const acknowledgeWildcards = (scope: IConstruct, findings: Array<[string, string]>): void => {
  for (const [finding, reason] of findings) {
    Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-IAM5[${finding}]`, reason });
  }
};
