// The CDK app: both stacks (infra/seleksi-app.ts), checked by cdk-nag (AwsSolutions) on every synth.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from './seleksi-app.ts';

const app = new App();
buildApp(app);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
