import { analyzeScene } from '../../core/analyze/analyze-scene.js';
import { handleAnalysisRequests, type WorkerScope } from './handle-analysis-requests.js';

handleAnalysisRequests(self as unknown as WorkerScope, analyzeScene);
