// Load generator child process: ceilings (autocannon, SDK) and exam-day workloads (http1.ts client), never on the server's loop.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon, { type AutocannonOptions, type AutocannonResult } from 'autocannon';
import { clientsFor } from '../../functions/store/clients.ts';
import { PutItemCommand } from '../../functions/store/dynamo-commands.ts';
import type { StoreConfig } from '../../functions/store/index.ts';
import {
  acknowledge,
  answeredWith,
  newCandidate,
  nextStep,
  type SimCandidate,
  takeForm,
} from './candidate.ts';
import { ApiClient } from './client.ts';
import type {
  AckedStep,
  ExamResult,
  LoadResult,
  LoadTask,
  OpenLoopResult,
  SaturationResult,
  SpikeResult,
  ThroughputResult,
} from './protocol.ts';
import { type GcTotals, watchGc } from './server-events.ts';
import { perBucket, summarize } from './stats.ts';

let url = '';
let bareUrl = '';
let storeConfig: StoreConfig | undefined;
let cands: SimCandidate[] = [];
const runId = randomBytes(4).toString('hex');
/** Ceiling puts so far in this process: every ceiling call writes new keys (a repeated call must not hit its own). */
let ceilingPuts = 0;

/** This process's GC pauses ≥ 10 ms: a pause here delays sends, and latency counts from the scheduled time. */
const gcTotals: GcTotals = { pauses: 0, ms: 0 };
const gcPauses = watchGc(10, gcTotals);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Calls `fire(k, at(k))` for k = 0 … count − 1 at (or just after) each scheduled time `at(k)` (increasing), from
 * one timer that runs whatever is due and then sleeps to the next: one timer at a time, not one sleeping promise
 * and timer per call scheduled. Resolves when the last call has been fired.
 */
const onSchedule = (
  count: number,
  at: (k: number) => number,
  fire: (k: number, at: number) => void,
): Promise<void> =>
  new Promise<void>((resolve) => {
    let k = 0;
    const tick = () => {
      const now = performance.now();
      while (k < count && at(k) <= now) {
        fire(k, at(k));
        k++;
      }
      if (k >= count) resolve();
      else setTimeout(tick, Math.max(0, at(k) - performance.now()));
    };
    if (count === 0) resolve();
    else setTimeout(tick, Math.max(0, at(0) - performance.now()));
  });

const cannon = (opts: AutocannonOptions): Promise<AutocannonResult> =>
  new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });

/** A conditional step-shaped PutItem body, the item the save path writes. */
const putBody = (table: string, pk: string, sk: string): string =>
  JSON.stringify({
    TableName: table,
    Item: {
      PK: { S: pk },
      SK: { S: sk },
      step: { S: JSON.stringify({ type: 'answered', itemId: 'TWK-001', choice: 'b', at: Date.now() }) },
    },
    ConditionExpression: 'attribute_not_exists(#sk)',
    ExpressionAttributeNames: { '#sk': 'SK' },
    ReturnConsumedCapacity: 'TOTAL',
  });

const rawPut = async (seconds: number, connections: number): Promise<ThroughputResult> => {
  const cfg = storeConfig!;
  const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const res = await cannon({
    url: cfg.dynamoEndpoint!,
    connections,
    duration: seconds,
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.PutItem',
      'x-amz-date': amzDate,
      authorization: `AWS4-HMAC-SHA256 Credential=local/${amzDate.slice(0, 8)}/${cfg.region}/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
    },
    requests: [
      {
        setupRequest: (req) => {
          const n = ++ceilingPuts;
          return { ...req, body: putBody(cfg.tableName, `BENCH#raw#${runId}#${n % 4096}`, `STEP#${n}`) };
        },
      },
    ],
  });
  return {
    type: 'throughput',
    perSec: res['2xx'] / res.duration,
    total: res['2xx'],
    errors: res.errors + res.timeouts + res.non2xx,
    seconds: res.duration,
  };
};

const sdkPut = async (seconds: number, concurrency: number): Promise<ThroughputResult> => {
  const cfg = storeConfig!;
  const { dynamo } = clientsFor(cfg);
  let ok = 0;
  let errors = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const i = ++ceilingPuts;
        try {
          await dynamo.send(
            new PutItemCommand({
              TableName: cfg.tableName,
              Item: {
                PK: { S: `BENCH#sdk#${runId}#${i % 4096}` },
                SK: { S: `STEP#${i}` },
                step: {
                  S: JSON.stringify({ type: 'answered', itemId: 'TWK-001', choice: 'b', at: Date.now() }),
                },
              },
              ConditionExpression: 'attribute_not_exists(#sk)',
              ExpressionAttributeNames: { '#sk': 'SK' },
              ReturnConsumedCapacity: 'TOTAL',
            }),
          );
          ok++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return { type: 'throughput', perSec: ok / secs, total: ok, errors, seconds: secs };
};

const bare = async (seconds: number, connections: number): Promise<ThroughputResult> => {
  const res = await cannon({ url: `${bareUrl}/bare`, connections, duration: seconds });
  return {
    type: 'throughput',
    perSec: res['2xx'] / res.duration,
    total: res['2xx'],
    errors: res.errors + res.timeouts + res.non2xx,
    seconds: res.duration,
  };
};

const attemptPath = (c: SimCandidate, tail: string): string =>
  `/api/candidate/attempts/${c.attemptId}${tail}`;

/** Login, then start (answered with the form); true when the candidate holds its form. */
const begin = async (
  api: ApiClient,
  c: SimCandidate,
  ms?: Record<string, number[]>,
  /** performance.now() of each successful login's answer (the spike's login curve). */
  loggedIn?: number[],
): Promise<boolean> => {
  const login = await api.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
  ms?.login?.push(login.ms);
  if (login.status !== 200) return false;
  loggedIn?.push(performance.now());
  const l = login.json as { token: string; attemptId: string };
  c.token = l.token;
  c.attemptId = l.attemptId;
  // Like the exam page: the start's answer carries the form (GET form is only for reloads).
  // The exam page's start and submit send an empty JSON object (web/api/candidate.ts), so the bench does too.
  const start = await api.call('POST', attemptPath(c, '/start'), { token: c.token, body: {}, raw: true });
  ms?.start?.push(start.ms);
  if (start.status !== 200) return false;
  if (!takeForm(c, start.bytes)) {
    api.error('start without a form');
    return false;
  }
  return true;
};

/** One save request carrying one step; the step counts as saved only when its seq comes back acknowledged. */
const save = async (
  api: ApiClient,
  c: SimCandidate,
  step: AckedStep,
): Promise<{ ok: boolean; ms: number }> => {
  const { seq, ...rest } = step;
  // Like the exam page (web/candidate/progressReport.ts): the device's answered count rides on the first save
  // and then at most every 62 s, so the room monitor's progress write is part of what is measured and costs.
  const answered = c.report(answeredWith(c, step));
  const res = await api.call('PUT', attemptPath(c, '/answers'), {
    token: c.token,
    body: { steps: [{ seq, ...rest }], ...(answered === undefined ? {} : { answered }) },
  });
  const acked = (res.json as { acked?: number[] } | undefined)?.acked;
  if (res.status === 200 && acked?.includes(seq)) {
    acknowledge(c, step);
    return { ok: true, ms: res.ms };
  }
  if (res.status === 200) api.error(`save ${seq}: not in acked ${JSON.stringify(acked)}`);
  return { ok: false, ms: res.ms };
};

/** The spike's curve: logins and starts completed per this many ms from the first send time. */
const SPIKE_BUCKET_MS = 500;

const spike = async (
  from: number,
  count: number,
  spreadMs: number,
  connections: number,
): Promise<SpikeResult> => {
  const api = new ApiClient(url, connections);
  const group = cands.slice(from, from + count);
  const t0 = performance.now() + 20;
  const latencies: number[] = [];
  const loggedIn: number[] = [];
  const started: number[] = [];
  let last = t0;
  const begun: Promise<void>[] = [];
  await onSchedule(
    group.length,
    (i) => t0 + (count > 1 ? (i * spreadMs) / (count - 1) : 0),
    (i, at) => {
      begun.push(
        begin(api, group[i]!, undefined, loggedIn).then((ok) => {
          if (!ok) return;
          const done = performance.now();
          latencies.push(done - at);
          started.push(done);
          if (done > last) last = done;
        }),
      );
    },
  );
  await Promise.all(begun);
  const counts = api.snapshot();
  await api.close();
  return {
    type: 'spike',
    ...counts,
    seconds: (last - t0) / 1000,
    latency: summarize(latencies),
    curve: {
      bucketMs: SPIKE_BUCKET_MS,
      logins: perBucket(loggedIn, t0, SPIKE_BUCKET_MS),
      starts: perBucket(started, t0, SPIKE_BUCKET_MS),
    },
  };
};

const saturation = async (
  from: number,
  count: number,
  seconds: number,
  connections: number,
  submit: boolean,
): Promise<SaturationResult> => {
  const api = new ApiClient(url, connections);
  const group = cands.slice(from, from + count).filter((c) => c.items.length > 0);
  const latencies: number[] = [];
  let saves = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    group.map(async (c) => {
      while (performance.now() < end) {
        const r = await save(api, c, nextStep(c));
        latencies.push(r.ms);
        if (r.ok) saves++;
        else await sleep(50);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  let submitted = 0;
  if (submit) {
    await Promise.all(
      group.map(async (c) => {
        const r = await api.call('POST', attemptPath(c, '/submit'), { token: c.token, body: {} });
        if (r.status === 200) submitted++;
      }),
    );
  }
  const counts = api.snapshot();
  await api.close();
  return {
    type: 'saturation',
    ...counts,
    saves,
    seconds: secs,
    savesPerSec: saves / secs,
    latency: summarize(latencies),
    submitted,
  };
};

const openLoop = async (
  from: number,
  count: number,
  seconds: number,
  rate: number,
  connections: number,
): Promise<OpenLoopResult> => {
  const api = new ApiClient(url, connections);
  const group = cands.slice(from, from + count).filter((c) => c.items.length > 0);
  const total = Math.floor(rate * seconds);
  const interval = 1000 / rate;
  /** Latencies of each candidate's first save of the phase, and of every later save. */
  const first: number[] = [];
  const after: number[] = [];
  // The pool's connections open before the phase, as each browser's keep-alive connection is open from its
  // login/start: a phase that opened 128 sockets in its first milliseconds measured TCP set-up, not saves.
  await api.warm('/api/health');
  /** 250 ms window of the scheduled time -> [saves, slowest ms, latest send (ms after its scheduled time)]. */
  const windows = new Map<number, [number, number, number]>();
  const inflight: Promise<void>[] = [];
  const t0 = performance.now() + 20;
  const gc0 = { ...gcTotals };
  const fire = (i: number, scheduled: number): Promise<void> => {
    const c = group[i % group.length]!;
    const lag = performance.now() - scheduled;
    return save(api, c, nextStep(c)).then(() => {
      const ms = performance.now() - scheduled;
      (i < group.length ? first : after).push(ms);
      const w = Math.floor((scheduled - t0) / 250);
      const win = windows.get(w);
      if (win) {
        win[0]++;
        if (ms > win[1]) win[1] = ms;
        if (lag > win[2]) win[2] = lag;
      } else windows.set(w, [1, ms, lag]);
    });
  };
  await onSchedule(
    total,
    (k) => t0 + k * interval,
    (k, scheduled) => {
      inflight.push(fire(k, scheduled));
    },
  );
  await Promise.all(inflight);
  const secs = (performance.now() - t0) / 1000;
  const counts = api.snapshot();
  await api.close();
  return {
    type: 'openLoop',
    ...counts,
    scheduled: total,
    seconds: secs,
    achievedPerSec: (first.length + after.length) / secs,
    latency: summarize([...first, ...after]),
    firstRound: summarize(first),
    afterFirstRound: summarize(after),
    lateWindows: [...windows]
      .filter(([, [, max]]) => max > 50)
      .sort((a, b) => b[1][1] - a[1][1])
      .slice(0, 40)
      .sort((a, b) => a[0] - b[0])
      .map(([w, [n, max, lag]]) => [w / 4, n, Math.round(max), Math.round(lag)]),
    loadgenGc: gcPauses().filter(([at]) => at >= performance.timeOrigin + t0),
    loadgenGcTotal: { pauses: gcTotals.pauses - gc0.pauses, ms: Math.round(gcTotals.ms - gc0.ms) },
  };
};

const KINDS = ['login', 'start', 'save', 'submit'] as const;

/** Whole candidate-exams, one request at a time per candidate: the per candidate-exam counts and durations. */
const exam = async (
  from: number,
  count: number,
  items: number,
  savesPerItem: number,
): Promise<ExamResult> => {
  const api = new ApiClient(url, count);
  const ms: Record<string, number[]> = Object.fromEntries(KINDS.map((k) => [k, []]));
  let saves = 0;
  await Promise.all(
    cands.slice(from, from + count).map(async (c) => {
      if (!(await begin(api, c, ms))) return;
      c.items = c.items.first(items);
      const extra = Math.round(c.items.length * (savesPerItem - 1));
      const plan = [
        ...Array.from({ length: c.items.length }, () => 'answer' as const),
        ...Array.from({ length: extra }, (_, i) => (i % 4 === 3 ? ('flag' as const) : ('change' as const))),
      ];
      for (const action of plan) {
        const r = await save(api, c, nextStep(c, action));
        ms.save!.push(r.ms);
        if (r.ok) saves++;
      }
      const r = await api.call('POST', attemptPath(c, '/submit'), { token: c.token, body: {} });
      ms.submit!.push(r.ms);
    }),
  );
  const counts = api.snapshot();
  await api.close();
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  return {
    type: 'exam',
    ...counts,
    candidates: count,
    saves,
    meanMs: Object.fromEntries(
      KINDS.map((k) => [k, Math.round(mean(ms[k]!) * 100) / 100]),
    ) as ExamResult['meanMs'],
    countsByKind: Object.fromEntries(KINDS.map((k) => [k, ms[k]!.length])) as ExamResult['countsByKind'],
  };
};

const run = async (t: LoadTask): Promise<LoadResult> => {
  switch (t.type) {
    case 'init':
      url = t.url;
      bareUrl = t.bareUrl;
      storeConfig = t.storeConfig;
      cands = t.candidates.map(newCandidate);
      return { type: 'ok' };
    case 'rawPut':
      return rawPut(t.seconds, t.connections);
    case 'sdkPut':
      return sdkPut(t.seconds, t.concurrency);
    case 'bare':
      return bare(t.seconds, t.connections);
    case 'spike':
      return spike(t.from, t.count, t.spreadMs, t.connections);
    case 'saturation':
      return saturation(t.from, t.count, t.seconds, t.connections, t.submit);
    case 'openLoop':
      return openLoop(t.from, t.count, t.seconds, t.ratePerSec, t.connections);
    case 'exam':
      return exam(t.from, t.count, t.items, t.savesPerItem);
    case 'acked':
      return {
        type: 'acked',
        acked: Object.fromEntries(cands.filter((c) => c.acked.length > 0).map((c) => [c.attemptId, c.acked])),
      };
    case 'stop':
      setImmediate(() => process.exit(0));
      return { type: 'ok' };
  }
};

process.on('message', (t: LoadTask) => {
  run(t).then(
    (r) => process.send?.(r),
    (e: unknown) =>
      process.send?.({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
process.send?.({ type: 'ok' });
