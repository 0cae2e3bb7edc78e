import { analyzeScenePooled } from '../../core/analyze/analyze-scene-pooled.js';
import { handleAnalysisRequests, type WorkerScope } from './handle-analysis-requests.js';
import { approachHelperCount, webApproachPool } from './web-approach-pool.js';

// The approach's width groups run on nested helper workers (both cores); the other analyses here.
const pool = webApproachPool();

handleAnalysisRequests(self as unknown as WorkerScope, (scene, options, control, run) =>
  analyzeScenePooled(scene, options, control ?? {}, pool.get(approachHelperCount(self.navigator?.hardwareConcurrency, run?.approachThreads))).catch((e: unknown) => {
    pool.reset();
    throw e;
  }),
);
