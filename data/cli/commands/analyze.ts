import { writeFileSync } from 'node:fs';
import { UsageError, listOption, stringOption, type ParsedArgs } from '../args.js';
import { EXIT_OK, printFindings, type CliIo } from '../main.js';
import { readSceneFile } from '../../io/read-scene-file.js';
import { availableAnalyses } from '../../../core/analyze/analyze-scene.js';
import { analyzeScenePooled } from '../../../core/analyze/analyze-scene-pooled.js';
import { approachThreads, nodeApproachPool } from '../approach-pool.js';
import { ANALYSIS_NAMES, type AnalysisName } from '../../../core/analyze/analysis-types.js';
import { progressReporter } from '../progress.js';

/** `bulwark analyze FILE [--only LIST] [--vehicle LIST] [--threat LIST] [--out FILE]` (cli.md). */
export async function analyzeCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const file = args.positionals[1];
  if (!file) throw new UsageError('analyze needs a FILE');
  const only = listOption(args, 'only');
  for (const name of only ?? []) {
    if (!(ANALYSIS_NAMES as readonly string[]).includes(name)) throw new UsageError(`--only: unknown analysis '${name}' (one of ${ANALYSIS_NAMES.join(', ')})`);
    if (!availableAnalyses().includes(name as AnalysisName)) throw new UsageError(`--only: the ${name} analysis is not in this version yet`);
  }
  const { scene, findings } = readSceneFile(file);
  printFindings(file, findings, io);
  const progress = progressReporter(args, io);
  // The approach's width groups go to worker threads (BULWARK_WORKERS, default min(2, cores));
  // the output is byte-identical to one thread.
  const { pool, close } = nodeApproachPool(approachThreads());
  let result;
  try {
    result = await analyzeScenePooled(
      scene,
      { only: only as AnalysisName[] | undefined, vehicles: listOption(args, 'vehicle'), threats: listOption(args, 'threat') },
      { onProgress: progress },
      pool,
    );
  } finally {
    close();
  }
  printFindings(file, result.notices, io);
  const text = JSON.stringify({ type: 'FeatureCollection', bulwark: { version: 1, summary: result.summary }, features: result.features }) + '\n';
  const out = stringOption(args, 'out');
  if (out) writeFileSync(out, text);
  else io.stdout(text);
  return EXIT_OK;
}
