// The real `cdk synth`: cdk-nag plugin, CloudFormation validator and esbuild bundling, once; bundles load on Node 24.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esmRequireBanner, repoRoot } from '../../infra/constructs/api-function.ts';

interface PluginReport {
  pluginName: string;
  conclusion: string;
  violations: unknown[];
  suppressedViolations?: Array<{ ruleName: string; reason: string }>;
}
type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

// Inside the repository: bundles leave the AWS SDK to the runtime, which node_modules stands in for here.
const out = mkdtempSync(join(repoRoot, '.synth-'));
let synthMs = 0;

beforeAll(() => {
  // The unit tests turn the CloudFormation validator off (vitest.config.ts); the synth check keeps it on.
  const { CDK_VALIDATION: _off, ...env } = process.env;
  const t0 = Date.now();
  // The CLI's own bin on this Node (not through npx: ≈ 0.8 s of CPU less); cdk.json's app command as deployed.
  const cdk = join(repoRoot, 'node_modules', 'aws-cdk', 'bin', 'cdk');
  execFileSync(process.execPath, [cdk, 'synth', '--quiet', '--output', out], {
    cwd: repoRoot,
    env,
    stdio: 'pipe',
  });
  synthMs = Date.now() - t0;
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npx cdk synth', () => {
  it('passes cdk-nag and the CloudFormation validator, every acknowledgement with a reason', () => {
    console.log(`cdk synth took ${synthMs} ms`);
    const report = JSON.parse(readFileSync(join(out, 'validation-report.json'), 'utf8')) as {
      pluginReports: PluginReport[];
    };
    const names = report.pluginReports.map((r) => r.pluginName);
    expect(names).toContain('AwsSolutions');
    for (const r of report.pluginReports) {
      expect(r.violations, r.pluginName).toEqual([]);
      expect(r.conclusion, r.pluginName).toBe('success');
    }
    const nag = report.pluginReports.find((r) => r.pluginName === 'AwsSolutions')!;
    expect(nag.suppressedViolations?.length).toBeGreaterThan(0);
    for (const s of nag.suppressedViolations ?? []) expect(s.reason.length, s.ruleName).toBeGreaterThan(40);
  });

  it('bundles every function as an ES module with the require banner and a source map', () => {
    const template = JSON.parse(readFileSync(join(out, 'SeleksiStack.template.json'), 'utf8')) as Template;
    const dirs = assetDirs(template);
    expect(dirs).toHaveLength(6);
    for (const dir of dirs) {
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8').startsWith(esmRequireBanner)).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    }
  });

  it('the candidate bundle stays lean (≤ 350 KB: own app only, zod/mini, the lean DynamoDB client, the runtime\u2019s AWS SDK)', () => {
    const template = JSON.parse(readFileSync(join(out, 'SeleksiStack.template.json'), 'utf8')) as Template;
    const [id, candidate] = Object.entries(template.Resources).find(
      ([logicalId, r]) => r.Type === 'AWS::Lambda::Function' && logicalId.startsWith('CandidateFunction'),
    )!;
    const key = (candidate.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
    const bytes = readFileSync(join(out, `asset.${key}`, 'index.mjs')).length;
    expect(bytes, id).toBeLessThanOrEqual(350 * 1024);
    const code = readFileSync(join(out, `asset.${key}`, 'index.mjs'), 'utf8');
    // The runtime's AWS SDK, not a bundled copy: util-dynamodb stays an external import…
    expect(code).toMatch(/from\s*"@aws-sdk\/util-dynamodb"/);
    // …and DynamoDB is reached through the store's lean client: the SDK's client is not imported at init
    // (only by the credential fallback off Lambda, a dynamic import).
    expect(code).not.toMatch(/from\s*"@aws-sdk\/client-dynamodb"/);
  });

  it('each bundle loads on Node 24 and exports a handler (secrets given directly, nothing reached)', () => {
    const template = JSON.parse(readFileSync(join(out, 'SeleksiStack.template.json'), 'utf8')) as Template;
    const env = {
      PATH: process.env.PATH,
      NODE_OPTIONS: '--enable-source-maps',
      AWS_REGION: 'ap-southeast-3',
      TABLE_NAME: 'seleksi-test',
      PUBLIC_BUCKET: 'public-test',
      AUDIT_BUCKET: 'audit-test',
      JWT_SECRET: 'test-jwt-secret-0123',
      PIN_PEPPER: 'test-pin-pepper',
      DYNAMO_ENDPOINT: 'http://127.0.0.1:9',
      S3_ENDPOINT: 'http://127.0.0.1:9',
    };
    const probe =
      'const m = await import(process.argv[1]); console.log(typeof m.handler, process.version.slice(1, 3));';
    for (const dir of assetDirs(template)) {
      const stdout = execFileSync(
        process.execPath,
        ['--input-type=module', '-e', probe, join(dir, 'index.mjs')],
        {
          env,
          stdio: 'pipe',
          timeout: 30_000,
        },
      );
      expect(stdout.toString().trim(), dir).toBe('function 24');
    }
  });
});

/** cdk.out asset directory of each app Lambda (not CDK's cross-region reader), from its S3 key (`<hash>.zip`). */
const assetDirs = (template: Template): string[] =>
  Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Handler === 'index.handler')
    .map((r) => {
      const key = (r.Properties.Code as { S3Key: string }).S3Key;
      return join(out, `asset.${key.replace(/\.zip$/, '')}`);
    });
