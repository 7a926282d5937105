// What can stall the benchmark server besides its requests: API-thread GC pauses and the store's LevelDB flushes/compactions.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';

/** [epoch ms when it began, what, ms it took]. */
export type ServerEvent = [at: number, what: string, ms: number];

const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak' };

/** Every GC pause of this thread so far (count and total ms), below the listing threshold included. */
export interface GcTotals {
  pauses: number;
  ms: number;
}

/**
 * Records this thread's GC pauses of at least `minMs` (bounded: the newest 2,000 kept), and counts all of them
 * in `totals` when given.
 */
export const watchGc = (minMs = 10, totals?: GcTotals): (() => ServerEvent[]) => {
  const seen: ServerEvent[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (totals) {
        totals.pauses++;
        totals.ms += e.duration;
      }
      if (e.duration < minMs) continue;
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      seen.push([performance.timeOrigin + e.startTime, `gc ${GC_KINDS[kind] ?? kind}`, e.duration]);
      if (seen.length > 2_000) seen.shift();
    }
  }).observe({ entryTypes: ['gc'] });
  return () => [...seen];
};

/**
 * Records when this thread's event loop came back at least `minMs` late to a 20 ms timer (busy with a backlog of
 * callbacks, or paused), as [epoch ms it was due, 'loop late', ms late]; the newest 2,000 kept.
 */
export const watchLoopLag = (minMs = 50, what = 'loop late'): (() => ServerEvent[]) => {
  const seen: ServerEvent[] = [];
  const TICK = 20;
  let last = performance.now();
  setInterval(() => {
    const t = performance.now();
    const late = t - last - TICK;
    if (late >= minMs) {
      seen.push([performance.timeOrigin + last + TICK, what, late]);
      if (seen.length > 2_000) seen.shift();
    }
    last = t;
  }, TICK).unref();
  return () => [...seen];
};

/** LevelDB's LOG time stamp (local time, µs): `2026/11/27-22:54:38.051603`. */
const stamp = (line: string): number | undefined => {
  const m = /^(\d{4})\/(\d\d)\/(\d\d)-(\d\d):(\d\d):(\d\d)\.(\d{3})/.exec(line);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return new Date(y as number, (mo as number) - 1, d, h, mi, s, ms).getTime();
};

/**
 * Memtable flushes ("Level-0 table #n: started" … "bytes OK") and compactions ("Compacting" … "Compacted") from a
 * LevelDB LOG text, each as [began, what, ms].
 */
export const levelDbEvents = (log: string): ServerEvent[] => {
  const out: ServerEvent[] = [];
  let flush: number | undefined;
  let compaction: number | undefined;
  for (const line of log.split('\n')) {
    const at = stamp(line);
    if (at === undefined) continue;
    if (/Level-0 table #\d+: started/.test(line)) flush = at;
    else if (flush !== undefined && /Level-0 table #\d+: \d+ bytes/.test(line)) {
      const bytes = Number(/: (\d+) bytes/.exec(line)?.[1] ?? 0);
      out.push([flush, `store flush ${Math.round(bytes / 1e5) / 10} MB`, at - flush]);
      flush = undefined;
    } else if (/Compacting /.test(line)) compaction = at;
    else if (compaction !== undefined && /Compacted /.test(line)) {
      out.push([compaction, 'store compaction', at - compaction]);
      compaction = undefined;
    }
  }
  return out;
};

/** The LevelDB LOG files under a data directory, read now (missing: none). */
export const readLevelDbEvents = async (dir: string): Promise<ServerEvent[]> => {
  const files = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const logs = files.filter((f) => f === 'LOG' || f.endsWith('/LOG'));
  const texts = await Promise.all(logs.map((f) => readFile(join(dir, f), 'utf8').catch(() => '')));
  return texts.flatMap(levelDbEvents);
};

/** `13.4: store flush 1.1 MB 120 ms; …` for the events in [from, to], seconds from `from`. */
export const describeEvents = (events: readonly ServerEvent[], from: number, to: number): string =>
  events
    .filter(([at]) => at >= from && at <= to)
    .sort((a, b) => a[0] - b[0])
    .map(([at, what, ms]) => `${Math.round((at - from) / 100) / 10}: ${what} ${Math.round(ms)} ms`)
    .join('; ');
