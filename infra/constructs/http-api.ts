// The HTTP API: one route group per role, each to its Lambda; access logs and throttling on the stage.
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export type Role = 'candidate' | 'admin' | 'auditor' | 'public';
export const ROLES: readonly Role[] = ['candidate', 'admin', 'auditor', 'public'];

/**
 * Stage-wide limits, sized for the start of an exam session, the one real spike: every candidate of
 * every site logs in, starts and loads a form within about a minute. 10,000 candidates doing
 * login + start + form (3 requests) over ~15 s is ~2,000 req/s; the burst absorbs the first seconds
 * when most of them click at once. Steady state is far lower (a batched save per candidate every
 * ~10-30 s: a few hundred req/s). The regional account quota (10,000 req/s, burst 5,000) is the ceiling.
 */
export const STAGE_THROTTLE = { rateLimit: 3_000, burstLimit: 5_000 } as const;

/** Public pages (rankings, scoreboard) are cacheable and must never starve the exam routes. */
export const PUBLIC_ROUTE_THROTTLE = { rateLimit: 500, burstLimit: 1_000 } as const;

export const routeKey = (role: Role): string => `ANY /api/${role}/{proxy+}`;
export const HEALTH_ROUTE_KEY = 'GET /api/health';
/**
 * The answer-save route has a route of its own (same candidate Lambda) so that API Gateway's detailed
 * metrics give its latency alone: the exam-day p99 alarm watches it.
 */
export const SAVE_ROUTE_PATH = '/api/candidate/attempts/{attemptId}/answers';
export const SAVE_ROUTE_KEY = `PUT ${SAVE_ROUTE_PATH}`;

export interface SeleksiHttpApiProps {
  functions: Record<Role, IFunction>;
  /** Origins allowed by CORS, e.g. the Vite dev server or a custom web domain. */
  webOrigins: string[];
  /** The stage's log retention and removal policy for the access logs. */
  logRetention: logs.RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTimeEpoch',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    route: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    length: '$context.responseLength',
    latency: '$context.responseLatency',
    integrationLatency: '$context.integration.latency',
    integrationError: '$context.integration.error',
  }),
);

export class SeleksiHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: SeleksiHttpApiProps) {
    super(scope, id);

    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Seleksi API: /api/{candidate,admin,auditor,public}/* and /api/health',
      createDefaultStage: false,
      corsPreflight:
        props.webOrigins.length > 0
          ? {
              allowOrigins: props.webOrigins,
              allowMethods: [apigw.CorsHttpMethod.ANY],
              allowHeaders: ['authorization', 'content-type'],
              maxAge: Duration.days(1),
            }
          : undefined,
    });

    const integrations = {} as Record<Role, HttpLambdaIntegration>;
    const routes: apigw.HttpRoute[] = [];
    for (const role of ROLES) {
      integrations[role] = new HttpLambdaIntegration(`${role}-integration`, props.functions[role]);
      routes.push(
        ...this.api.addRoutes({
          path: `/api/${role}/{proxy+}`,
          methods: [apigw.HttpMethod.ANY],
          integration: integrations[role],
        }),
      );
    }
    routes.push(
      ...this.api.addRoutes({
        path: SAVE_ROUTE_PATH,
        methods: [apigw.HttpMethod.PUT],
        integration: integrations.candidate,
      }),
      ...this.api.addRoutes({
        path: '/api/health',
        methods: [apigw.HttpMethod.GET],
        integration: integrations.public,
      }),
    );
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions::AwsSolutions-APIG4',
        reason:
          'Authorization is done in the Lambda from a signed JWT (role, subject, session) on every route ' +
          'that needs it; /api/public and /api/health are public by design (published rankings, probes).',
      });
    }

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    this.stage = this.api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      // Per-route metrics (a few routes, so a few metrics): the save route's latency has its own alarm.
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: accessLogFormat,
      },
    });
    const cfnStage = this.stage.node.defaultChild as apigw.CfnStage;
    // RouteSettings is raw JSON in CloudFormation (keys by route key), so the casing is CloudFormation's.
    cfnStage.routeSettings = {
      [routeKey('public')]: {
        ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
      },
    };
    // Route settings name a route key: the route must exist before the stage is updated.
    for (const route of routes) this.stage.node.addDependency(route);
  }
}
