// Verifier worker thread: step 6 (attempts) over one slice of a bundle's manifest; posts progress and the outcome.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyBundle } from '../domain/verify.ts';
import { openBundle } from './open-bundle.ts';

const { path, from, to } = workerData as { path: string; from: number; to: number };
let last = 0;
const report = await verifyBundle(openBundle(path), {
  slice: { from, to },
  onProgress: (done) => {
    if (done - last >= 100 || done === to - from) {
      last = done;
      parentPort?.postMessage({ progress: done });
    }
  },
});
parentPort?.postMessage({ outcome: report.part });
