// Exam-day monitoring: alarms to one SNS topic (API 5xx rate, save p99, Lambda errors/throttles, DynamoDB
// throttles, sweeper failures; the budget in SeleksiGlobalStack publishes here too), one CloudWatch dashboard.
import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Thresholds, named so the tests and docs/deploy.md quote the same numbers. */
export const ALARM_THRESHOLDS = {
  /** Percent of API requests answered 5xx within one minute, two minutes in a row. */
  api5xxPercent: 1,
  /** p99 of the save route (API Gateway's own latency, Lambda included), over 5 minutes. */
  saveP99Ms: 500,
  /** Lambda errors per function per minute. */
  lambdaErrors: 5,
  /** Any throttle (Lambda or DynamoDB) is worth a look on exam day. */
  throttles: 1,
} as const;

/** Operations whose throttling the table alarm sums (everything the app calls). */
export const TABLE_OPERATIONS = [
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'BatchGetItem',
  'BatchWriteItem',
] as const;

export interface ExamDayAlarmsProps {
  api: apigw.HttpApi;
  stage: apigw.HttpStage;
  /** Route key of the save route, e.g. `PUT /api/candidate/attempts/{attemptId}/answers`. */
  saveRouteKey: string;
  functions: Record<string, lambda.IFunction>;
  sweeper: lambda.IFunction;
  sweeperFailures: sqs.IQueue;
  table: dynamodb.ITable;
  key: kms.IKey;
  /** Fixed, so the budget (another region's stack) can name the topic without a stack reference. */
  topicName: string;
  /** Subscribed to the topic when given (`-c seleksi:alarmEmail=ops@example.go.id`). */
  alarmEmail?: string;
}

const minute = Duration.minutes(1);

export class ExamDayAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ExamDayAlarmsProps) {
    super(scope, id);

    this.topic = new sns.Topic(this, 'Topic', {
      topicName: props.topicName,
      displayName: 'Seleksi exam-day alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'BudgetAlarm',
        principals: [new iam.ServicePrincipal('budgets.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const action = new actions.SnsAction(this.topic);
    type Options = Omit<cloudwatch.AlarmProps, 'metric' | 'treatMissingData'>;
    const alarm = (name: string, options: Options, metric: cloudwatch.IMetric): cloudwatch.Alarm => {
      // No data (a quiet night, no sweeps failing) is not an incident.
      const made = new cloudwatch.Alarm(this, name, {
        ...options,
        metric,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      made.addAlarmAction(action);
      this.alarms.push(made);
      return made;
    };

    // API: share of 5xx among all requests (a rate, so it means the same at 100 and 10,000 req/s).
    const requests = props.api.metricCount({ period: minute, statistic: 'Sum' });
    const errors5xx = props.api.metricServerError({ period: minute, statistic: 'Sum' });
    const rate5xx = new cloudwatch.MathExpression({
      label: 'API 5xx %',
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: errors5xx },
      period: minute,
    });
    alarm(
      'Api5xxRate',
      {
        alarmDescription: `More than ${ALARM_THRESHOLDS.api5xxPercent} % of API requests answered 5xx, two minutes running`,
        threshold: ALARM_THRESHOLDS.api5xxPercent,
        evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      },
      rate5xx,
    );

    // The save route has its own API route so API Gateway's detailed metrics measure it alone.
    const saveP99 = new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName: 'Latency',
      dimensionsMap: { ApiId: props.api.apiId, Stage: props.stage.stageName, Route: props.saveRouteKey },
      statistic: 'p99',
      period: Duration.minutes(5),
      label: 'save p99 (ms)',
    });
    alarm(
      'SaveP99Latency',
      {
        alarmDescription: `p99 of the answer-save route above ${ALARM_THRESHOLDS.saveP99Ms} ms over 5 minutes`,
        threshold: ALARM_THRESHOLDS.saveP99Ms,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      },
      saveP99,
    );

    const fnErrors: cloudwatch.IMetric[] = [];
    const fnThrottles: cloudwatch.IMetric[] = [];
    for (const [role, fn] of Object.entries(props.functions)) {
      const name = role[0]!.toUpperCase() + role.slice(1);
      const errs = fn.metricErrors({ period: minute, statistic: 'Sum', label: `${role} errors` });
      const thr = fn.metricThrottles({ period: minute, statistic: 'Sum', label: `${role} throttles` });
      fnErrors.push(errs);
      fnThrottles.push(thr);
      alarm(
        `${name}Errors`,
        {
          alarmDescription: `${role} function: ${ALARM_THRESHOLDS.lambdaErrors} or more errors in a minute`,
          threshold: ALARM_THRESHOLDS.lambdaErrors,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        },
        errs,
      );
      alarm(
        `${name}Throttles`,
        {
          alarmDescription: `${role} function throttled (reserved or account concurrency reached)`,
          threshold: ALARM_THRESHOLDS.throttles,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        },
        thr,
      );
    }

    const tableThrottles = props.table.metricThrottledRequestsForOperations({
      operations: [...TABLE_OPERATIONS] as dynamodb.Operation[],
      period: minute,
    });
    alarm(
      'TableThrottles',
      {
        alarmDescription: 'DynamoDB throttled requests (a hot partition or an on-demand scaling limit)',
        threshold: ALARM_THRESHOLDS.throttles,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      },
      tableThrottles,
    );

    // A sweep that fails (error, timeout) lands in the failure queue: any message there is an alarm.
    const sweeperErrors = props.sweeper.metricErrors({
      period: minute,
      statistic: 'Sum',
      label: 'sweeper errors',
    });
    const failed = props.sweeperFailures.metricApproximateNumberOfMessagesVisible({
      period: minute,
      statistic: 'Maximum',
      label: 'failed sweeps queued',
    });
    alarm(
      'SweeperFailures',
      {
        alarmDescription: 'A sweep failed: attempts past their deadline may not be finalized',
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      },
      new cloudwatch.MathExpression({
        label: 'sweeper failures',
        expression: 'errors + queued',
        usingMetrics: { errors: sweeperErrors, queued: failed },
        period: minute,
      }),
    );

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(3),
      widgets: [
        [
          new cloudwatch.GraphWidget({
            title: 'API requests and 5xx',
            left: [requests, errors5xx],
            right: [rate5xx],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Save route latency (ms)',
            left: [saveP99, saveP99.with({ statistic: 'p50', label: 'save p50 (ms)' })],
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Lambda errors', left: fnErrors, width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Lambda throttles', left: fnThrottles, width: 8 }),
          new cloudwatch.GraphWidget({
            title: 'Lambda concurrency',
            left: Object.entries(props.functions).map(([role, fn]) =>
              fn.metric('ConcurrentExecutions', { period: minute, statistic: 'Maximum', label: role }),
            ),
            width: 8,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'DynamoDB capacity consumed',
            left: [
              props.table.metricConsumedWriteCapacityUnits({
                period: minute,
                statistic: 'Sum',
                label: 'WCU / min',
              }),
              props.table.metricConsumedReadCapacityUnits({
                period: minute,
                statistic: 'Sum',
                label: 'RCU / min',
              }),
            ],
            right: [tableThrottles],
            width: 12,
          }),
          new cloudwatch.GraphWidget({ title: 'Sweeper', left: [sweeperErrors, failed], width: 6 }),
          new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 6 }),
        ],
      ],
    });
  }
}
