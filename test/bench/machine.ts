// How busy the machine was during a measured window: CPU of our own processes and of everything else (Linux /proc).
import { existsSync, readFileSync } from 'node:fs';

const TICK_US = 10_000; // USER_HZ = 100 on Linux
const hasProc = existsSync('/proc/stat');

/** utime + stime of a process (all its threads), µs; 0 where /proc is missing or the process is gone. */
export const processCpuUs = (pid: number): number => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * TICK_US;
  } catch {
    return 0;
  }
};

/**
 * CPU time of all cores that was not free for the benchmark, µs: busy (user, nice, system, irq, softirq) plus
 * steal (taken by the hypervisor for other guests).
 */
const machineBusyUs = (): number => {
  const n = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return (n[0]! + n[1]! + n[2]! + n[5]! + n[6]! + (n[7] ?? 0)) * TICK_US;
};

export interface CpuWindow {
  /** CPU of each watched process during the window, µs (same order as the pids given). */
  ownUs: number[];
  /**
   * CPU that every other process on the machine (and the hypervisor's steal) used during the window, in
   * cores (0 … cores): a quiet machine shows ≈ 0; undefined without /proc.
   */
  othersCores: number | undefined;
}

/** Starts a window over the given processes; the returned function closes it. */
export const cpuWindow = (pids: readonly number[]): (() => CpuWindow) => {
  const t0 = performance.now();
  const own0 = pids.map(processCpuUs);
  const busy0 = hasProc ? machineBusyUs() : 0;
  return () => {
    const ownUs = pids.map((p, i) => processCpuUs(p) - own0[i]!);
    if (!hasProc) return { ownUs, othersCores: undefined };
    const wallUs = (performance.now() - t0) * 1000;
    const others = machineBusyUs() - busy0 - ownUs.reduce((a, b) => a + b, 0);
    return { ownUs, othersCores: Math.max(0, Math.round((others / wallUs) * 100) / 100) };
  };
};
