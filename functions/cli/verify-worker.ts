// Verifier worker thread: step 5 (attempts) over one slice of a bundle's manifest, from the file texts the
// main thread handed over (only those the slice needs); posts progress and the outcome.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyBundle } from '../domain/verify.ts';

const { files, from, to } = workerData as { files: Record<string, string>; from: number; to: number };
let last = 0;
const report = await verifyBundle(
  { read: (p) => (Object.hasOwn(files, p) ? files[p] : undefined) },
  {
    slice: { from, to },
    onProgress: (done) => {
      if (done - last >= 100 || done === to - from) {
        last = done;
        parentPort?.postMessage({ progress: done });
      }
    },
  },
);
parentPort?.postMessage({ outcome: report.part });
