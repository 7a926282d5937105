// Smoke run of the benchmark harness (a handful of candidates, a few seconds): zero errors, every ack read back.
import { describe, expect, it } from 'vitest';
import { runBench } from './harness.ts';

describe('benchmark harness (smoke)', () => {
  it('runs every phase with zero errors and reads back every acknowledged save', async () => {
    const r = await runBench({
      spikeCandidates: 6,
      spikeSpreadMs: 100,
      saturationCandidates: 3,
      saturationSeconds: 1.5,
      openLoopCandidates: 3,
      openLoopSeconds: 1.5,
      openLoopFraction: 0.01,
      openLoopWarmSeconds: 0.5,
      examCandidates: 1,
      examItems: 110,
      savesPerItem: 1.5,
      ceilingSeconds: 1,
      ceilingConnections: 4,
      connections: 8,
    });
    expect(r.errorSamples).toEqual([]);
    expect(r.figures.errors).toBe(0);
    expect(r.readBack.mismatchSamples).toEqual([]);
    expect(r.figures.acknowledgedMissing).toBe(0);
    expect(r.readBack.acknowledged).toBeGreaterThan(165);
    expect(r.saturation.submitted).toBe(3);
    // login, start (answered with the form), 165 saves, submit
    expect(r.perCandidateExam.requests).toBe(1 + 1 + 165 + 1);
    expect(r.figures.serverCpuUsPerStart).toBeGreaterThan(0);
    expect(r.figures.startSpikeRatio).toBeGreaterThan(0);
    // The spike's curve counts every login and every start once.
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(r.spike.curve.logins)).toBe(6);
    expect(sum(r.spike.curve.starts)).toBe(6);
    // (a) twice per repetition, new keys each time (a repeat of the first call's keys fails its condition).
    expect(r.ceilings.rawAfterSpike.errors).toBe(0);
    expect(r.ceilings.rawAfterSpike.total).toBeGreaterThan(0);
    expect(r.figures.ceilingPutsPerSec).toBe(
      Math.max(r.figures.ceilingFreshPutsPerSec, r.figures.ceilingAfterSpikePutsPerSec),
    );
    expect(r.figures.ceilingServerCpuUsPerPut).toBeGreaterThan(0);
    expect(r.figures.othersCoresMax).toBeGreaterThanOrEqual(0);
    // Every open-loop save is in exactly one half of the split.
    expect(r.openLoop.firstRound.count + r.openLoop.afterFirstRound.count).toBe(r.openLoop.latency.count);
    expect(r.openLoop.firstRound.count).toBe(3);
    expect(Object.keys(r.figures).sort()).toEqual(
      [
        'ceilingPutsPerSec',
        'ceilingFreshPutsPerSec',
        'ceilingAfterSpikePutsPerSec',
        'ceilingServerCpuUsPerPut',
        'othersCoresMax',
        'sdkPutsPerSec',
        'bareHonoReqPerSec',
        'saturationSavesPerSec',
        'saturationRatio',
        'openLoopRatePerSec',
        'openLoopP99Ms',
        'openLoopFirstRoundP99Ms',
        'openLoopAfterFirstRoundP99Ms',
        'startSpikeCandidates',
        'startSpikeSeconds',
        'startSpikeRatio',
        'serverCpuUsPerSave',
        'serverCpuUsPerStart',
        'errors',
        'acknowledgedMissing',
        'costPerCandidateExamUsd',
        'serverPeakRssMb',
      ].sort(),
    );
  }, 90_000);
});
