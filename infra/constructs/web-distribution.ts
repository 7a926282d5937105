// CloudFront in front of everything: the web app (`web/`), published rankings (`/published/*`), the API (`/api/*`).
import { Duration, Fn, Validations } from 'aws-cdk-lib';
import type { HttpApi, WebSocketApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PUSH_PATH } from '../../functions/schemas/candidate.ts';
import { s3Prefixes } from '../../functions/store/keys.ts';

export interface WebDistributionProps {
  /** Holds `web/` (the built app, replaced on deploy); nothing in it may be secret. */
  webBucket: IBucket;
  /** Holds `published/` (rankings, locked); world-readable through CloudFront. */
  publishedBucket: IBucket;
  api: HttpApi;
  /** The push channel (WebSocket API, stage `ws`): reached at /ws on the app's own origin. */
  push: WebSocketApi;
  logBucket: IBucket;
  /** Added to every request to the API; the API refuses requests without it (origin verify). */
  originVerify: { header: string; value: string };
  /** ARN of the CloudFront web ACL (SeleksiWafStack, us-east-1). */
  webAclArn?: string;
}

/** Client-side routes (no file extension) get the app shell; assets and published files pass unchanged. */
const spaRewrite = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

const withoutSlash = (prefix: string): string => prefix.replace(/\/$/, '');

export class WebDistribution extends Construct {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);

    const webOrigin = origins.S3BucketOrigin.withOriginAccessControl(props.webBucket, {
      originPath: `/${withoutSlash(s3Prefixes.web)}`,
    });
    const publishedOrigin = origins.S3BucketOrigin.withOriginAccessControl(props.publishedBucket);
    // https://<id>.execute-api.<region>.amazonaws.com -> <id>.execute-api.<region>.amazonaws.com
    const apiOrigin = new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.api.apiEndpoint)), {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: { [props.originVerify.header]: props.originVerify.value },
    });

    // wss://<id>.execute-api.<region>.amazonaws.com -> the host; /ws on CloudFront = stage `ws` there.
    const pushOrigin = new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.push.apiEndpoint)), {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: { [props.originVerify.header]: props.originVerify.value },
    });

    const publishedCache = new cloudfront.CachePolicy(this, 'PublishedCache', {
      comment: 'Published rankings: short default TTL so a republication shows within a minute',
      defaultTtl: Duration.minutes(1),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.hours(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Seleksi web app, published rankings and API',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: webOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'SpaRewrite', {
              code: cloudfront.FunctionCode.fromInline(spaRewrite),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: {
        [`/${s3Prefixes.published}*`]: {
          origin: publishedOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: publishedCache,
          responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_AND_SECURITY_HEADERS,
        },
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
        // The WebSocket upgrade with its ?token= and Sec-WebSocket-* headers, never cached; WAF sees it too.
        [PUSH_PATH]: {
          origin: pushOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-CFR1',
        reason:
          'No geo restriction: candidates sit exams at sites in Indonesia, but published rankings must be ' +
          'verifiable by anyone, anywhere (independent auditors, the press, candidates abroad).',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate has a fixed policy (TLSv1); browsers still negotiate TLS 1.2/1.3. ' +
          'A custom domain with an ACM certificate and TLSv1.2_2021 is the operator\u2019s step (docs/deploy.md).',
      },
    );
  }
}
