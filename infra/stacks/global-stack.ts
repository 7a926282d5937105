// SeleksiGlobalStack (us-east-1, where CloudFront's web ACLs and budgets live): the web ACL (rate limit on the
// login routes, AWS bad-input rules) and the monthly budget alarm.
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Every route that checks a credential: candidate PIN and staff password logins. */
export const LOGIN_PATHS = ['/api/candidate/login', '/api/admin/login', '/api/auditor/login'] as const;

/**
 * Requests per client IP to the login routes within LOGIN_RATE_WINDOW_SECONDS before WAF blocks that IP.
 * Sized for a 500-seat room behind one NAT address: every seat logging in a few times (typos, a device
 * handover) stays under it; a script trying PINs does not. The app's own per-key limits sit behind it.
 */
export const LOGIN_RATE_LIMIT = 3_000;
export const LOGIN_RATE_WINDOW_SECONDS = 300;

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

const pathIs = (path: string): wafv2.CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'EXACTLY',
    searchString: path,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

export interface SeleksiGlobalStackProps extends StackProps {
  /** Monthly cost budget in USD: notified at 80 % actual and 100 % forecast. */
  monthlyBudgetUsd: number;
  /** The exam-day alarm topic (SeleksiStack, by name: a stack reference would run both ways). */
  alarmTopicArn: string;
}

export class SeleksiGlobalStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;
  readonly budget: budgets.CfnBudget;

  constructor(scope: Construct, id: string, props: SeleksiGlobalStackProps) {
    super(scope, id, props);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      description: 'Seleksi CloudFront: rate limit on login routes, AWS known-bad-input rules',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('seleksi-web-acl'),
      rules: [
        {
          name: 'LoginRateLimit',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: LOGIN_RATE_LIMIT,
              evaluationWindowSec: LOGIN_RATE_WINDOW_SECONDS,
              aggregateKeyType: 'IP',
              scopeDownStatement: { orStatement: { statements: LOGIN_PATHS.map(pathIs) } },
            },
          },
          visibilityConfig: visibility('seleksi-login-rate'),
        },
        {
          // Not the common rule set: its 8 KB body limit would block a long batch of queued answers.
          name: 'KnownBadInputs',
          priority: 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' },
          },
          visibilityConfig: visibility('seleksi-known-bad-inputs'),
        },
      ],
    });

    this.budget = new budgets.CfnBudget(this, 'Budget', {
      budget: {
        budgetName: `${this.stackName}-monthly`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyBudgetUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: [
        { type: 'ACTUAL', threshold: 80 },
        { type: 'FORECASTED', threshold: 100 },
      ].map((n) => ({
        notification: {
          notificationType: n.type,
          comparisonOperator: 'GREATER_THAN',
          threshold: n.threshold,
          thresholdType: 'PERCENTAGE',
        },
        subscribers: [{ subscriptionType: 'SNS', address: props.alarmTopicArn }],
      })),
    });
  }
}
