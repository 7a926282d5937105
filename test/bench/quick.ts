// Quick single-phase runs while iterating: short ceilings, then full-size named phases (BENCH_QUICK=spike,saturation,openLoop).
import { FULL_RUN, runBench } from './harness.ts';

const want = new Set((process.env.BENCH_QUICK ?? 'spike').split(','));
const tiny = { saturationCandidates: 3, saturationSeconds: 0.5, openLoopCandidates: 3, openLoopSeconds: 0.5 };
const r = await runBench({
  ...FULL_RUN,
  ceilingSeconds: 4,
  examCandidates: 1,
  ...(want.has('saturation')
    ? {}
    : { saturationCandidates: tiny.saturationCandidates, saturationSeconds: tiny.saturationSeconds }),
  ...(want.has('openLoop')
    ? {}
    : { openLoopCandidates: tiny.openLoopCandidates, openLoopSeconds: tiny.openLoopSeconds }),
  ...(process.env.BENCH_OPEN_WARM ? { openLoopWarmSeconds: Number(process.env.BENCH_OPEN_WARM) } : {}),
  profileDir: process.env.BENCH_PROFILE_DIR,
  log: (l) => console.log(`[quick] ${l}`),
});
console.log(JSON.stringify(r.figures));
