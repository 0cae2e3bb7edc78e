import type { AnalyzeSceneFn } from './analysis-messages.js';

/**
 * TEMPORARY stand-in until the lead lands `core/analyze/analyze-scene.ts`: the lead replaces this
 * file's body with `export { analyzeScene } from '../../core/analyze/analyze-scene.js';`.
 */
export const analyzeScene: AnalyzeSceneFn = () => {
  throw new Error('The analyses are not built into this version yet (core/analyze/analyze-scene.ts is missing).');
};
