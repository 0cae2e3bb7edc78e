// The approach helper worker, started by the analysis worker (web-approach-pool.ts): computes the
// routes of the width groups it is sent (core/analyze/approach-helper.ts).
import { answerApproachRequest, type ApproachHelperRequest, type ApproachHelperResponse } from '../../core/analyze/approach-helper.js';

const scope = self as unknown as { postMessage(m: ApproachHelperResponse): void; onmessage: ((e: { data: ApproachHelperRequest }) => void) | null };
scope.onmessage = ({ data }) => answerApproachRequest(data, (response) => scope.postMessage(response));
