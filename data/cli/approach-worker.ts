// Entry of the CLI's approach helper thread (bundled to dist/cli/approach-worker.mjs).
import { parentPort } from 'node:worker_threads';
import { answerApproachRequest } from '../../core/analyze/approach-helper.js';

parentPort?.on('message', (request) => answerApproachRequest(request, (response) => parentPort!.postMessage(response)));
