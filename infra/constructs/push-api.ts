// The push channel on AWS: an API Gateway WebSocket API whose stage is `ws`, reached through CloudFront at
// /ws (the path the local server uses too). $connect is authorized by the candidate token (a REQUEST
// authorizer on ?token=) and registers the connection; proctor actions post to it (grantPost).
import type { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PUSH_PATH } from '../../functions/schemas/candidate.ts';

/** The stage name is the path CloudFront forwards unchanged: /ws -> stage `ws`. */
export const PUSH_STAGE = PUSH_PATH.replace(/^\//, '');

/**
 * Connects per second: a whole session's pages (re)connect within a minute at the start (30,000 / 60 s
 * ≈ 500/s) or after a site's network blip; messages are a few per candidate-exam (keep-alives, signals).
 */
export const PUSH_STAGE_THROTTLE = { rateLimit: 1_000, burstLimit: 2_000 } as const;

export interface PushApiProps {
  /** Serves both the authorizer and the $connect route (functions/handlers/push.ts). */
  connectFunction: IFunction;
  logRetention: logs.RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTimeEpoch',
    ip: '$context.identity.sourceIp',
    event: '$context.eventType',
    route: '$context.routeKey',
    connectionId: '$context.connectionId',
    status: '$context.status',
    error: '$context.error.message',
    authorizerError: '$context.authorizer.error',
    integrationError: '$context.integration.error',
  }),
);

export class PushApi extends Construct {
  readonly api: apigw.WebSocketApi;
  readonly stage: apigw.WebSocketStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PushApiProps) {
    super(scope, id);
    this.api = new apigw.WebSocketApi(this, 'Api', {
      description: 'Seleksi push channel: proctor signals to open exam pages (/ws through CloudFront)',
      connectRouteOptions: {
        integration: new WebSocketLambdaIntegration('Connect', props.connectFunction),
        // No token, no invocation: API Gateway answers 401 itself when ?token= is missing.
        authorizer: new WebSocketLambdaAuthorizer('Token', props.connectFunction, {
          identitySource: ['route.request.querystring.token'],
        }),
      },
      // No $disconnect or $default routes: a page's close or keep-alive invokes nothing (cost); a
      // registration whose connection is gone is deleted at the next post (410) or by TTL.
    });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    this.stage = new apigw.WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: PUSH_STAGE,
      autoDeploy: true,
      throttle: PUSH_STAGE_THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: accessLogFormat,
      },
    });
  }

  /** The Management API endpoint proctor actions post to (PUSH_ENDPOINT). */
  get callbackUrl(): string {
    return this.stage.callbackUrl;
  }

  /** execute-api:ManageConnections on this stage's connections only. */
  grantPost(identity: IGrantable): void {
    this.stage.grantManagementApiAccess(identity);
  }
}
