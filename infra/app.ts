// The CDK app: one SeleksiStack, checked by cdk-nag (AwsSolutions) on every synth.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SeleksiStack } from './stacks/seleksi-stack.ts';

const app = new App();

const webOrigins = app.node.tryGetContext('seleksi:webOrigins');
new SeleksiStack(app, 'SeleksiStack', {
  description: 'Seleksi: serverless exams for civil-service selection',
  webOrigins: typeof webOrigins === 'string' ? webOrigins.split(',').filter(Boolean) : undefined,
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
