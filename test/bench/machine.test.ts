// The CPU window the benchmark puts around each measurement: own processes' CPU and the rest of the machine's.
import { describe, expect, it } from 'vitest';
import { cpuWindow, processCpuUs } from './machine.ts';

const spinCpu = (us: number): void => {
  const start = process.cpuUsage();
  let x = 0;
  while (process.cpuUsage(start).user < us) x += Math.sqrt(x + 1);
  expect(x).toBeGreaterThan(0);
};

describe('cpuWindow (Linux /proc)', () => {
  it('counts the CPU a watched process burns, and not as other processes’', () => {
    const done = cpuWindow([process.pid]);
    spinCpu(300_000);
    const w = done();
    // /proc counts in 10 ms ticks: 300 ms spun, at least 250 ms seen.
    expect(w.ownUs[0]).toBeGreaterThanOrEqual(250_000);
    expect(w.ownUs[0]).toBeLessThan(5_000_000);
    expect(w.othersCores).toBeGreaterThanOrEqual(0);
    expect(w.othersCores).toBeLessThanOrEqual(64);
  });

  it('reads 0 for a process that does not exist', () => {
    expect(processCpuUs(2 ** 22 + 1)).toBe(0);
  });
});
