import { analyzeScenePooled } from '../../core/analyze/analyze-scene-pooled.js';
import type { ApproachRouteCache } from '../../core/analyze/analysis-types.js';
import { handleAnalysisRequests, type WorkerScope } from './handle-analysis-requests.js';
import { approachHelperCount, webApproachPool } from './web-approach-pool.js';

// The approach's width groups run on nested helper workers (both cores); the other analyses here.
const pool = webApproachPool();
// The last run's approach routes: an edit that leaves them alone (a camera, a note, a rating) is not
// searched again. Lost with the worker when a run is cancelled, which is only a slower next run.
const approachCache: ApproachRouteCache = { shared: '', classes: new Map() };

handleAnalysisRequests(self as unknown as WorkerScope, (scene, options, control, run) =>
  analyzeScenePooled(scene, options, { ...control, approachCache }, pool.get(approachHelperCount(self.navigator?.hardwareConcurrency, run?.approachThreads))).catch((e: unknown) => {
    pool.reset();
    throw e;
  }),
);
