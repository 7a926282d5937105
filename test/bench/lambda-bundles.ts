// Lambda figures: per-function bundle size (raw, gzip), cold-start init (import of the bundled handler in a
// fresh Node process, median of 5, ratio to a bare `node -e 0` in the same run; wall and CPU time), and the
// candidate function's first request in a fresh process against a local store, for both ways of shipping
// the AWS SDK (bundled and pinned, or the nodejs24.x runtime's copy).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { startEmbeddedStore } from '../../functions/local/embedded-store.ts';
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
  /** CPU time (user + system) of the same import's whole process, ms; absent in figures from before wave 4. */
  initCpuMs?: Spread;
  /** initCpuMs.median / bareCpuMs.median. */
  initCpuRatio?: number;
}

/** A fresh process importing the candidate bundle and answering one representative request. */
export interface FirstRequestFigure {
  role: LambdaRole;
  sdk: BundleFigure['sdk'];
  /** What was asked (method, path, what it reads). */
  call: string;
  status: number;
  /** In-process: import of the bundle, then the handler's first invocation, ms. */
  importMs: Spread;
  requestMs: Spread;
  /** Whole process (node start + import + first request), ms, and as a ratio to bare node. */
  totalMs: Spread;
  totalRatio: number;
  /** CPU time of the whole process, ms, and as a ratio to bare node's. */
  totalCpuMs: Spread;
  totalCpuRatio: number;
}

export interface LambdaFigures {
  runs: number;
  /** `node -e 0`, ms, in the same run. */
  bareMs: Spread;
  /** CPU time of a bare `node -e` process, ms (absent before wave 4). */
  bareCpuMs?: Spread;
  bundles: BundleFigure[];
  firstRequest?: FirstRequestFigure[];
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

/**
 * What a handler reads at import, as on Lambda: secrets given directly, role credentials in the environment,
 * no local endpoints (the DynamoDB client builds its HTTPS agent for the regional endpoint, never reached).
 */
const importEnv = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'ap-southeast-3',
  AWS_ACCESS_KEY_ID: 'ASIABENCHEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'bench-secret',
  AWS_SESSION_TOKEN: 'bench-session-token',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  TABLE_NAME: 'bench',
  PUBLIC_BUCKET: 'bench-public',
  AUDIT_BUCKET: 'bench-audit',
  JWT_SECRET: 'bench-jwt-secret-0123456789',
  PIN_PEPPER: 'bench-pepper',
  // The runtime's SDK copy is this repository's node_modules here (resolved from the bundle's directory).
  NODE_PATH: join(repoRoot, 'node_modules'),
};

const timed = (args: string[], cwd: string, env: Record<string, string> = importEnv): number => {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd, env, stdio: 'ignore', timeout: 60_000 });
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

/** Printed by the child at exit: its own CPU time (user + system), which load on the machine inflates far less. */
const CPU_HOOK =
  "process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\n@cpu '+(u.user+u.system)/1000+'\\n')});";

const cpuOf = (code: string, cwd: string): number => {
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', CPU_HOOK + code], {
    cwd,
    env: importEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const m = /@cpu ([\d.]+)/.exec(out.stderr ?? '');
  if (!m) throw new Error(`no CPU figure from the child: ${out.stderr?.slice(0, 500)}`);
  return Number(m[1]);
};

/** The representative first request: a login for a registration number the table does not hold. */
const FIRST_CALL =
  'POST /api/candidate/login, unknown registration number: zod body check, login limiter and roster reads through the DynamoDB client, 401';

const firstRequestCode = (file: string): string => `
const t0 = performance.now();
const { handler } = await import(${JSON.stringify(file)});
const t1 = performance.now();
// A fresh number and address per process: the login limiter must not turn later runs into 429s.
const body = JSON.stringify({ regNo: 'BENCH-' + process.pid, pin: '123456' });
const sourceIp = '198.18.' + ((process.pid >> 8) & 255) + '.' + (process.pid & 255);
const event = {
  version: '2.0', routeKey: '$default', rawPath: '/api/candidate/login', rawQueryString: '',
  headers: { 'content-type': 'application/json', host: 'bench.example', 'user-agent': 'bench' },
  requestContext: { accountId: '0', apiId: 'bench', domainName: 'bench.example', domainPrefix: 'bench',
    http: { method: 'POST', path: '/api/candidate/login', protocol: 'HTTP/1.1', sourceIp, userAgent: 'bench' },
    requestId: 'bench-1', routeKey: '$default', stage: '$default', time: '', timeEpoch: Date.now() },
  body, isBase64Encoded: false,
};
const context = { awsRequestId: 'bench-1', functionName: 'bench', functionVersion: '$LATEST', memoryLimitInMB: '1024',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:0:function:bench', logGroupName: 'bench', logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 10000 };
const res = await handler(event, context);
const t2 = performance.now();
process.stderr.write('\\n@first ' + JSON.stringify({ importMs: t1 - t0, requestMs: t2 - t1, status: res.statusCode }) + '\\n');
process.exit(0);
`;

interface FirstRun {
  importMs: number;
  requestMs: number;
  status: number;
  wallMs: number;
  cpuMs: number;
}

const firstRequest = (file: string, cwd: string, env: Record<string, string>): FirstRun => {
  const t0 = process.hrtime.bigint();
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', CPU_HOOK + firstRequestCode(file)], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const first = /@first (.+)/.exec(out.stderr ?? '');
  const cpu = /@cpu ([\d.]+)/.exec(out.stderr ?? '');
  if (!first || !cpu) throw new Error(`first request failed: ${out.stderr?.slice(0, 800)}`);
  const r = JSON.parse(first[1]!) as Omit<FirstRun, 'wallMs' | 'cpuMs'>;
  if (r.status !== 401)
    throw new Error(`first request answered ${r.status}, expected 401: ${out.stderr?.slice(0, 800)}`);
  return { ...r, wallMs, cpuMs: Number(cpu[1]) };
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
    // A local store for the first-request runs (dynalite + s3rver), with an empty table.
    const store = await startEmbeddedStore({
      tableName: 'bench',
      publicBucket: 'bench-public',
      auditBucket: 'bench-audit',
    });
    const storeEnv: Record<string, string> = {
      ...importEnv,
      DYNAMO_ENDPOINT: store.dynamoEndpoint,
      S3_ENDPOINT: store.s3Endpoint,
    };
    try {
      const bare: number[] = [];
      const bareCpu: number[] = [];
      const init = new Map(files.map((f) => [f.file, [] as number[]]));
      const initCpu = new Map(files.map((f) => [f.file, [] as number[]]));
      const firstFiles = files.filter((f) => f.role === 'candidate');
      const first = new Map(firstFiles.map((f) => [f.file, [] as FirstRun[]]));
      // Interleaved: a burst of load on the shared machine hits every variant alike.
      for (let i = 0; i < runs; i++) {
        bare.push(timed(['-e', '0'], outDir));
        bareCpu.push(cpuOf('0', outDir));
        for (const f of files) {
          const code = `await import(${JSON.stringify(f.file)})`;
          init.get(f.file)!.push(timed(['--input-type=module', '-e', code], outDir));
          initCpu.get(f.file)!.push(cpuOf(code, outDir));
        }
        for (const f of firstFiles) first.get(f.file)!.push(firstRequest(f.file, outDir, storeEnv));
        log(`lambda init round ${i + 1}/${runs}`);
      }
      const bareMs = spread(bare);
      const bareCpuMs = spread(bareCpu);
      const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
      return {
        runs,
        bareMs,
        bareCpuMs,
        bundles: files.map(({ role, sdk, file }) => {
          const bytes = readFileSync(file);
          const initMs = spread(init.get(file)!);
          const initCpuMs = spread(initCpu.get(file)!);
          return {
            role,
            sdk,
            rawBytes: bytes.length,
            gzipBytes: gzipSync(bytes).length,
            initMs,
            initRatio: ratio(initMs.median, bareMs.median),
            initCpuMs,
            initCpuRatio: ratio(initCpuMs.median, bareCpuMs.median),
          };
        }),
        firstRequest: firstFiles.map(({ role, sdk, file }) => {
          const rs = first.get(file)!;
          const totalMs = spread(rs.map((r) => r.wallMs));
          const totalCpuMs = spread(rs.map((r) => r.cpuMs));
          return {
            role,
            sdk,
            call: FIRST_CALL,
            status: rs[0]!.status,
            importMs: spread(rs.map((r) => r.importMs)),
            requestMs: spread(rs.map((r) => r.requestMs)),
            totalMs,
            totalRatio: ratio(totalMs.median, bareMs.median),
            totalCpuMs,
            totalCpuRatio: ratio(totalCpuMs.median, bareCpuMs.median),
          };
        }),
      };
    } finally {
      await store.stop();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
};

const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;

const sp = (x: Spread | undefined): string => (x ? `${x.median} (${x.min}–${x.max})` : '—');
const times = (x: number | undefined): string => (x === undefined ? '—' : `${x.toFixed(2)} ×`);

export const renderLambdaSection = (l: LambdaFigures, date: string): string => {
  const rows = l.bundles
    .map(
      (b) =>
        `| ${b.role} | ${b.sdk} | ${kb(b.rawBytes)} | ${kb(b.gzipBytes)} | ${sp(b.initMs)} | ${times(b.initRatio)} | ${sp(b.initCpuMs)} | ${times(b.initCpuRatio)} |`,
    )
    .join('\n');
  const cand = l.bundles.find((b) => b.role === 'candidate' && b.sdk === 'runtime')!;
  const firstRows = (l.firstRequest ?? [])
    .map(
      (f) =>
        `| ${f.role} | ${f.sdk} | ${sp(f.importMs)} | ${sp(f.requestMs)} | ${sp(f.totalMs)} | ${times(f.totalRatio)} | ${sp(f.totalCpuMs)} | ${times(f.totalCpuRatio)} |`,
    )
    .join('\n');
  const firstSection = l.firstRequest?.length
    ? `
First request of a fresh process (candidate function, local store): import the bundle, then one invocation of
its handler with an API Gateway event: ${l.firstRequest[0]!.call}. Import and request are timed inside the
process; the whole process (node start + import + request) from outside, with its CPU time. A cold start on
Lambda pays both the init and the first request, so work moved from one to the other shows here.

| function | AWS SDK | import ms | first request ms | process ms | process / bare | process CPU ms | CPU / bare |
| --- | --- | --- | --- | --- | --- | --- | --- |
${firstRows}
`
    : '';
  return `## Lambda bundles and cold-start init (${date})

Generated by \`npm run bench:lambda\` (test/bench/lambda-bundles.ts). Each handler bundled with the stack's
esbuild settings, once with the AWS SDK inside (pinned) and once with \`@aws-sdk/*\`, \`@smithy/*\` left to
the nodejs24.x runtime (resolved from node_modules here). Init = \`await import(bundle)\` in a fresh Node
process (top-level await included: env read as on Lambda, store clients built, no network), median (min–max) of
${l.runs}, interleaved with a bare \`node -e 0\`: ${l.bareMs.median} ms (${l.bareMs.min}–${l.bareMs.max})${
    l.bareCpuMs
      ? `; CPU time (user + system of the whole process, measured in separate interleaved runs) of a bare node ${l.bareCpuMs.median} ms (${l.bareCpuMs.min}–${l.bareCpuMs.max})`
      : ''
  }. Wall time swings with the machine's load; CPU time far less.

| function | AWS SDK | raw | gzip | init ms | init / bare | init CPU ms | CPU / bare |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows}
${firstSection}
Goals (candidate): bundle ≤ 350 KB raw — ${cand.rawBytes <= 350 * 1024 ? 'met' : '**missed**'} with the runtime's SDK
(${kb(cand.rawBytes)}); init ≤ 3 × bare — ${cand.initRatio <= 3 ? 'met' : '**missed**'} (${cand.initRatio.toFixed(2)} × wall${
    cand.initCpuRatio === undefined ? '' : `, ${cand.initCpuRatio.toFixed(2)} × CPU`
  }).
`;
};
