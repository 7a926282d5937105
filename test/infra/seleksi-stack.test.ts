// SeleksiStack unit tests: table = TABLE_KEYS, Lambdas, routes per role, least privilege, buckets, cdk-nag.

import type { CfnElement } from 'aws-cdk-lib';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUSH_PATH } from '../../functions/schemas/candidate.ts';
import { TABLE_KEYS } from '../../functions/store/keys.ts';
import {
  HEALTH_ROUTE_KEY,
  PUBLIC_ROUTE_THROTTLE,
  ROLES,
  routeKey,
  SAVE_ROUTE_KEY,
  STAGE_THROTTLE,
} from '../../infra/constructs/http-api.ts';
import { PUSH_STAGE, PUSH_STAGE_THROTTLE } from '../../infra/constructs/push-api.ts';
import { SECRET_ENV } from '../../infra/constructs/secrets.ts';
import { SeleksiStack } from '../../infra/stacks/seleksi-stack.ts';
import { stageFromContext } from '../../infra/stage.ts';
import { unacknowledgedFindings } from './nag-findings.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/seleksi/abc';
let stack: SeleksiStack;
let template: Template;
const logicalId = (construct: { node: { defaultChild?: unknown } }): string =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

beforeAll(() => {
  // Skip esbuild here (CDK's own switch, as `cdk deploy --exclusively` uses): test/infra/synth.test.ts
  // runs the real `cdk synth` with bundling once.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new SeleksiStack(app, 'SeleksiStack', {
    stage: stageFromContext(() => undefined),
    webAclArn: WEB_ACL_ARN,
    alarmTopicName: 'seleksi-dev-alarms',
  });
  template = Template.fromStack(stack);
});

describe('table', () => {
  it('has PK/SK and GSI1/GSI2 exactly as functions/store/keys.ts spells them, projection ALL', () => {
    const { gsi1, gsi2 } = TABLE_KEYS;
    const attrs = [
      TABLE_KEYS.partitionKey,
      TABLE_KEYS.sortKey,
      ...[gsi1, gsi2].flatMap((g) => [g.partitionKey, g.sortKey]),
    ];
    const gsi = (g: typeof gsi1 | typeof gsi2) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' },
        { AttributeName: g.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals(
        attrs.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      ),
      GlobalSecondaryIndexes: [gsi(gsi1), gsi(gsi2)],
    });
  });

  it('is on-demand, point-in-time recoverable and encrypted with the customer-managed data key', () => {
    const dataKey = logicalId(stack.node.findChild('Keys').node.findChild('Data'));
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [dataKey, 'Arn'] },
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});

describe('functions', () => {
  it('every Lambda is nodejs24.x on arm64 with source maps enabled', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function') as Resources);
    expect(fns).toHaveLength(6); // candidate, admin, auditor, public, sweeper, push
    for (const fn of fns) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.MemorySize).toBe(1024);
      expect(fn.Properties.Handler).toBe('index.handler');
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(Object.keys(env)).toEqual(
        expect.arrayContaining(['TABLE_NAME', 'PUBLIC_BUCKET', 'AUDIT_BUCKET']),
      );
    }
  });

  it('only functions that verify tokens can read the JWT key (not public, not the sweeper)', () => {
    const hasJwt = (role: keyof SeleksiStack['functions']) => {
      const fn = (template.findResources('AWS::Lambda::Function') as Resources)[
        logicalId(stack.functions[role].fn)
      ]!;
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      return SECRET_ENV.jwtSecret in env;
    };
    expect((['candidate', 'admin', 'auditor', 'public', 'sweeper'] as const).filter(hasJwt)).toEqual([
      'candidate',
      'admin',
      'auditor',
    ]);
  });

  it('API functions time out at 10 s; the sweeper runs every minute with 50 s', () => {
    const fns = template.findResources('AWS::Lambda::Function') as Resources;
    const timeout = (role: keyof SeleksiStack['functions']) =>
      fns[logicalId(stack.functions[role].fn)]!.Properties.Timeout;
    for (const role of ROLES) expect(timeout(role), role).toBe(10);
    expect(timeout('sweeper')).toBe(50);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack.functions.sweeper.fn), 'Arn'] } })],
    });
  });

  it('only candidate and admin functions receive the PIN pepper', () => {
    const fns = template.findResources('AWS::Lambda::Function') as Resources;
    const hasPepper = (role: keyof SeleksiStack['functions']) => {
      const env = (
        fns[logicalId(stack.functions[role].fn)]!.Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
      return SECRET_ENV.pinPepper in env;
    };
    expect(ROLES.filter(hasPepper)).toEqual(['candidate', 'admin']);
    expect(hasPepper('sweeper')).toBe(false);
  });
});

describe('HTTP API', () => {
  const integrationOf = (routeKeyValue: string): Record<string, unknown> => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Resources);
    const route = routes.find((r) => r.Properties.RouteKey === routeKeyValue);
    expect(route, routeKeyValue).toBeDefined();
    const target = route!.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
    const integrationId = target['Fn::Join'][1][1].Ref;
    return (template.findResources('AWS::ApiGatewayV2::Integration') as Resources)[integrationId]!.Properties;
  };
  const fnArn = (role: keyof SeleksiStack['functions']) => ({
    'Fn::GetAtt': [logicalId(stack.functions[role].fn), 'Arn'],
  });

  it.each(ROLES)('ANY /api/%s/{proxy+} goes to its own Lambda', (role) => {
    const integration = integrationOf(routeKey(role));
    expect(integration.IntegrationType).toBe('AWS_PROXY');
    expect(integration.PayloadFormatVersion).toBe('2.0');
    expect(integration.IntegrationUri).toEqual(fnArn(role));
  });

  it('GET /api/health goes to the public function, the save route to the candidate one; no other routes', () => {
    expect(integrationOf(HEALTH_ROUTE_KEY).IntegrationUri).toEqual(fnArn('public'));
    expect(integrationOf(SAVE_ROUTE_KEY).IntegrationUri).toEqual(fnArn('candidate'));
    // + the WebSocket API's one route ($connect), tested below.
    template.resourceCountIs('AWS::ApiGatewayV2::Route', ROLES.length + 2 + 1);
  });

  it('the stage logs access and throttles (stage-wide and tighter on /api/public)', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,

      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: {
        DetailedMetricsEnabled: true,
        ThrottlingRateLimit: STAGE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit,
      },
      RouteSettings: {
        [routeKey('public')]: {
          ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
          ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
        },
      },
    });
  });

  it('allows CORS from the configured web origins', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['http://localhost:5173'] }),
    });
  });
});

describe('IAM', () => {
  const actionsOf = (role: keyof SeleksiStack['functions']): string[] => {
    const roleId = logicalId(stack.functions[role].fn.role!);
    const policies = Object.values(template.findResources('AWS::IAM::Policy') as Resources).filter((p) =>
      (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId),
    );
    expect(policies.length).toBeGreaterThan(0);
    return policies.flatMap((p) =>
      (p.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }).Statement.flatMap(
        (s) => (Array.isArray(s.Action) ? s.Action : [s.Action]),
      ),
    );
  };

  it('the candidate function only reads S3 objects, and only item images (items/*)', () => {
    const actions = actionsOf('candidate');
    expect(actions).toContain('dynamodb:PutItem');
    const s3 = actions.filter((a) => a.startsWith('s3:'));
    expect(s3).toContain('s3:GetObject*');
    expect(s3.filter((a) => /Put|Delete|Abort/.test(a))).toEqual([]);
    const roleId = logicalId(stack.functions.candidate.fn.role!);
    const objectResources = Object.values(template.findResources('AWS::IAM::Policy') as Resources)
      .filter((p) => (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .flatMap(
        (p) =>
          (
            p.Properties.PolicyDocument as {
              Statement: Array<{ Action: string | string[]; Resource: unknown }>;
            }
          ).Statement,
      )
      .filter((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]).includes('s3:GetObject*'))
      .map((st) => JSON.stringify(st.Resource));
    expect(objectResources.length).toBeGreaterThan(0);
    for (const r of objectResources) expect(r).toContain('/items/*');
  });

  it('public and auditor functions cannot write the table or any bucket', () => {
    for (const role of ['public', 'auditor'] as const) {
      const actions = actionsOf(role);
      expect(actions).toContain('dynamodb:Query');
      for (const write of [
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        's3:PutObject',
      ]) {
        expect(actions, `${role} ${write}`).not.toContain(write);
      }
    }
  });

  it('only the admin function writes to S3', () => {
    const writers = (['candidate', 'admin', 'auditor', 'public', 'sweeper'] as const).filter((r) =>
      actionsOf(r).includes('s3:PutObject'),
    );
    expect(writers).toEqual(['admin']);
  });
});

describe('buckets', () => {
  it('every bucket blocks public access, is encrypted and retained', () => {
    const buckets = template.findResources('AWS::S3::Bucket') as Record<
      string,
      { DeletionPolicy: string; Properties: Record<string, unknown> }
    >;
    expect(Object.keys(buckets)).toHaveLength(4);
    for (const b of Object.values(buckets)) {
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties.BucketEncryption).toBeDefined();
      expect(b.DeletionPolicy).toBe('Retain');
    }
  });

  it('every bucket denies requests without TLS', () => {
    const buckets = Object.keys(template.findResources('AWS::S3::Bucket'));
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy') as Resources);
    for (const id of buckets) {
      const policy = policies.find((p) => (p.Properties.Bucket as { Ref: string }).Ref === id);
      expect(policy, id).toBeDefined();
      expect((policy!.Properties.PolicyDocument as { Statement: unknown[] }).Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('web, published and audit buckets are versioned and log access to the log bucket', () => {
    for (const name of ['Web', 'Published', 'Audit']) {
      const bucket = stack.node.findChild('Buckets').node.findChild(name);
      const props = (template.findResources('AWS::S3::Bucket') as Resources)[logicalId(bucket)]!.Properties;
      expect(props.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(props.LoggingConfiguration).toMatchObject({
        DestinationBucketName: { Ref: expect.any(String) },
      });
    }
  });
});

describe('CloudFront', () => {
  it('serves the web app, /published/* and /api/* over HTTPS, behind the web ACL', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [
          Match.objectLike({ PathPattern: '/published/*' }),
          Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' }),
          Match.objectLike({ PathPattern: PUSH_PATH, ViewerProtocolPolicy: 'https-only' }),
        ],
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
        WebACLId: WEB_ACL_ARN,
      }),
    });
  });
});

describe('push channel (WebSocket API behind /ws)', () => {
  const only = <T>(type: string): T => {
    const all = Object.values(template.findResources(type) as Resources);
    expect(all, type).toHaveLength(1);
    return all[0]!.Properties as T;
  };
  const pushFn = () => ({ 'Fn::GetAtt': [logicalId(stack.functions.push.fn), 'Arn'] });

  it('$connect is authorized by the candidate token (REQUEST authorizer on ?token=) and goes to the push function', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET' });
    const connect = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Resources).filter(
      (r) => r.Properties.RouteKey === '$connect',
    );
    expect(connect).toHaveLength(1);
    expect(connect[0]!.Properties.AuthorizationType).toBe('CUSTOM');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.token'],
      AuthorizerUri: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([pushFn()])]) }),
    });
    const ws = Object.values(template.findResources('AWS::ApiGatewayV2::Integration') as Resources).filter(
      (i) => JSON.stringify(i.Properties.IntegrationUri).includes(logicalId(stack.functions.push.fn)),
    );
    expect(ws).toHaveLength(1);
  });

  it('no $disconnect or $default route: a close or a keep-alive invokes nothing', () => {
    const keys = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Resources).map(
      (r) => r.Properties.RouteKey,
    );
    expect(keys.filter((k) => String(k).startsWith('$'))).toEqual(['$connect']);
  });

  it('stage `ws` (the CloudFront path) deploys itself, throttles and logs access', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: PUSH_STAGE,
      AutoDeploy: true,
      DefaultRouteSettings: Match.objectLike({
        ThrottlingRateLimit: PUSH_STAGE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: PUSH_STAGE_THROTTLE.burstLimit,
      }),
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    expect(`/${PUSH_STAGE}`).toBe(PUSH_PATH);
  });

  it('only the admin function (proctor actions) may post to connections, and knows where', () => {
    const posting = Object.entries(template.findResources('AWS::IAM::Policy') as Resources).filter(([, p]) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('execute-api:ManageConnections'),
    );
    expect(posting).toHaveLength(1);
    expect(JSON.stringify(posting[0]![1].Properties.Roles)).toContain(
      logicalId(stack.functions.admin.fn.role as never),
    );
    const env = (role: 'admin' | 'candidate') =>
      (
        template.toJSON().Resources[logicalId(stack.functions[role].fn)].Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
    expect(env('admin').PUSH_ENDPOINT).toBeDefined();
    expect(env('candidate').PUSH_ENDPOINT).toBeUndefined();
  });

  it('the table expires items by `expiresAt` (push connections, login-limit counters)', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('CloudFront forwards /ws uncached with the viewer query string and headers', () => {
    const dist = only<{ DistributionConfig: { CacheBehaviors: Array<Record<string, unknown>> } }>(
      'AWS::CloudFront::Distribution',
    );
    const ws = dist.DistributionConfig.CacheBehaviors.find((b) => b.PathPattern === PUSH_PATH)!;
    expect(ws.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled
    expect(ws.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // AllViewerExceptHostHeader
    expect(ws.AllowedMethods).toEqual(['GET', 'HEAD']);
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('has no finding left unacknowledged', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });

  it('the finding filter still reports what is not acknowledged', () => {
    const scratch = new Stack(new App(), 'Scratch');
    new s3.Bucket(scratch, 'Bare');
    expect(unacknowledgedFindings(scratch).map((f) => f.rule)).toEqual(
      expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']),
    );
  });
});

describe('publication secrets', () => {
  const secretId = (name: 'PublicationKey' | 'PseudonymSecret') =>
    logicalId(stack.node.findChild('Secrets').node.findChild(name));
  /** Logical ids of the secrets a function's role may read (GetSecretValue statements' resources). */
  const readableBy = (role: keyof SeleksiStack['functions']): string[] => {
    const roleId = logicalId(stack.functions[role].fn.role!);
    return Object.values(template.findResources('AWS::IAM::Policy') as Resources)
      .filter((p) => (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .flatMap(
        (p) => (p.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement,
      )
      .filter((s) => ([] as unknown[]).concat(s.Action).includes('secretsmanager:GetSecretValue'))
      .flatMap((s) => ([] as unknown[]).concat(s.Resource))
      .map((r) => (r as { Ref?: string }).Ref ?? '')
      .filter(Boolean);
  };
  const envOf = (role: keyof SeleksiStack['functions']) =>
    (
      (template.findResources('AWS::Lambda::Function') as Resources)[logicalId(stack.functions[role].fn)]!
        .Properties.Environment as { Variables: Record<string, unknown> }
    ).Variables;
  const roles = ['candidate', 'admin', 'auditor', 'public', 'sweeper'] as const;

  it('both are generated as 64 lowercase hex digits (32 bytes), never in the template', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret') as Resources;
    for (const name of ['PublicationKey', 'PseudonymSecret'] as const) {
      expect(secrets[secretId(name)]?.Properties.GenerateSecretString, name).toEqual({
        PasswordLength: 64,
        ExcludePunctuation: true,
        ExcludeUppercase: true,
        IncludeSpace: false,
        ExcludeCharacters: 'ghijklmnopqrstuvwxyz',
      });
      expect(secrets[secretId(name)]?.Properties.SecretString).toBeUndefined();
    }
  });

  it('the signing key is readable by candidate, admin, auditor and sweeper only; public reads only the pseudonym key', () => {
    const signing = roles.filter((r) => readableBy(r).includes(secretId('PublicationKey')));
    expect(signing).toEqual(['candidate', 'admin', 'auditor', 'sweeper']);
    const pseudonym = roles.filter((r) => readableBy(r).includes(secretId('PseudonymSecret')));
    expect(pseudonym).toEqual([...roles]);
    expect(roles.filter((r) => SECRET_ENV.publicationKey in envOf(r))).toEqual(signing);
    expect(roles.filter((r) => SECRET_ENV.pseudonymSecret in envOf(r))).toEqual(pseudonym);
  });

  it('no function may change or delete them (read only)', () => {
    const actions = Object.values(template.findResources('AWS::IAM::Policy') as Resources)
      .flatMap(
        (p) => (p.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }).Statement,
      )
      .flatMap((s) => ([] as string[]).concat(s.Action))
      .filter((a) => a.startsWith('secretsmanager:'));
    expect(actions.filter((a) => !/^secretsmanager:(GetSecretValue|DescribeSecret)$/.test(a))).toEqual([]);
  });
});
