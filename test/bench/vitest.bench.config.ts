import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm run bench`: each *.bench.ts under test/bench/ is a vitest file whose cases run one named
// workload (shared/spec/workloads.md) beside its reference implementation in the same process and
// print the figures and ratios. They assert correctness (e.g. area agreement), never timings.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 30 * 60 * 1000,
    hookTimeout: 30 * 60 * 1000,
    fileParallelism: false,
    reporters: ['verbose'],
  },
});
