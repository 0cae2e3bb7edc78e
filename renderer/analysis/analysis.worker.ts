import { handleAnalysisRequests, type WorkerScope } from './handle-analysis-requests.js';
import { analyzeScene } from './analyze-scene-entry.js';

handleAnalysisRequests(self as unknown as WorkerScope, analyzeScene);
