// Lambda figures: per-function bundle size (raw, gzip) and cold-start init (import of the bundled handler in a
// fresh Node process, median of 5, ratio to a bare `node -e 0` measured in the same run), for both ways of
// shipping the AWS SDK (bundled and pinned, or the nodejs24.x runtime's copy).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esmRequireBanner, RUNTIME_SDK_MODULES, repoRoot } from '../../infra/constructs/api-function.ts';

export const ROLES = ['candidate', 'admin', 'auditor', 'public', 'sweeper'] as const;
export type LambdaRole = (typeof ROLES)[number];

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface BundleFigure {
  role: LambdaRole;
  sdk: 'bundled' | 'runtime';
  rawBytes: number;
  gzipBytes: number;
  /** Import of the bundle in a fresh process, ms (median, min, max of `runs`). */
  initMs: Spread;
  /** initMs.median / bare.median. */
  initRatio: number;
}

export interface LambdaFigures {
  runs: number;
  /** `node -e 0`, ms, in the same run. */
  bareMs: Spread;
  bundles: BundleFigure[];
}

const spread = (xs: number[]): Spread => {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(s[Math.floor(s.length / 2)]!), min: r(s[0]!), max: r(s[s.length - 1]!) };
};

/** The same esbuild settings the stack's NodejsFunction uses (infra/constructs/api-function.ts). */
const bundle = async (role: LambdaRole, sdk: BundleFigure['sdk'], outDir: string): Promise<string> => {
  const outfile = join(outDir, `${role}-${sdk}.mjs`);
  await build({
    entryPoints: [join(repoRoot, `functions/handlers/${role}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    mainFields: ['module', 'main'],
    banner: { js: esmRequireBanner },
    external: sdk === 'runtime' ? [...RUNTIME_SDK_MODULES] : [],
    outfile,
    logLevel: 'error',
  });
  return outfile;
};

/** What a handler reads at import: secrets given directly, endpoints that are never reached. */
const importEnv = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'ap-southeast-3',
  TABLE_NAME: 'bench',
  PUBLIC_BUCKET: 'bench-public',
  AUDIT_BUCKET: 'bench-audit',
  JWT_SECRET: 'bench-jwt-secret-0123456789',
  PIN_PEPPER: 'bench-pepper',
  DYNAMO_ENDPOINT: 'http://127.0.0.1:9',
  S3_ENDPOINT: 'http://127.0.0.1:9',
  // The runtime's SDK copy is this repository's node_modules here (resolved from the bundle's directory).
  NODE_PATH: join(repoRoot, 'node_modules'),
};

const timed = (args: string[], cwd: string): number => {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd, env: importEnv, stdio: 'ignore', timeout: 60_000 });
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

export const measureLambdaBundles = async (
  runs = 5,
  log: (l: string) => void = () => {},
): Promise<LambdaFigures> => {
  // Inside the repository, so `import '@aws-sdk/...'` of a runtime-SDK bundle resolves to node_modules.
  const outDir = mkdtempSync(join(repoRoot, '.bench-lambda-'));
  try {
    const files: Array<{ role: LambdaRole; sdk: BundleFigure['sdk']; file: string }> = [];
    for (const role of ROLES) {
      for (const sdk of ['bundled', 'runtime'] as const)
        files.push({ role, sdk, file: await bundle(role, sdk, outDir) });
    }
    const bare: number[] = [];
    const init = new Map(files.map((f) => [f.file, [] as number[]]));
    // Interleaved: a burst of load on the shared machine hits every variant alike.
    for (let i = 0; i < runs; i++) {
      bare.push(timed(['-e', '0'], outDir));
      for (const f of files) {
        init
          .get(f.file)!
          .push(timed(['--input-type=module', '-e', `await import(${JSON.stringify(f.file)})`], outDir));
      }
      log(`lambda init round ${i + 1}/${runs}`);
    }
    const bareMs = spread(bare);
    return {
      runs,
      bareMs,
      bundles: files.map(({ role, sdk, file }) => {
        const bytes = readFileSync(file);
        const initMs = spread(init.get(file)!);
        return {
          role,
          sdk,
          rawBytes: bytes.length,
          gzipBytes: gzipSync(bytes).length,
          initMs,
          initRatio: Math.round((initMs.median / bareMs.median) * 100) / 100,
        };
      }),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
};

const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;

export const renderLambdaSection = (l: LambdaFigures, date: string): string => {
  const rows = l.bundles
    .map(
      (b) =>
        `| ${b.role} | ${b.sdk} | ${kb(b.rawBytes)} | ${kb(b.gzipBytes)} | ${b.initMs.median} (${b.initMs.min}–${b.initMs.max}) | ${b.initRatio.toFixed(2)} × |`,
    )
    .join('\n');
  const cand = l.bundles.find((b) => b.role === 'candidate' && b.sdk === 'runtime')!;
  return `## Lambda bundles and cold-start init (${date})

Generated by \`npm run bench:lambda\` (test/bench/lambda-bundles.ts). Each handler bundled with the stack's
esbuild settings, once with the AWS SDK inside (pinned) and once with \`@aws-sdk/*\`, \`@smithy/*\` left to
the nodejs24.x runtime (resolved from node_modules here). Init = \`await import(bundle)\` in a fresh Node
process (top-level await included: env read, store clients built, no network), median (min–max) of
${l.runs}, interleaved with a bare \`node -e 0\`: ${l.bareMs.median} ms (${l.bareMs.min}–${l.bareMs.max}).

| function | AWS SDK | raw | gzip | init ms | init / bare |
| --- | --- | --- | --- | --- | --- |
${rows}

Goals (candidate): bundle ≤ 350 KB raw — ${cand.rawBytes <= 350 * 1024 ? 'met' : '**missed**'} with the runtime's SDK
(${kb(cand.rawBytes)}); init ≤ 3 × bare — ${cand.initRatio <= 3 ? 'met' : '**missed**'} (${cand.initRatio.toFixed(2)} ×).
`;
};
