import type { AnalysisPort } from '../analysis-client.js';
import type { WorkerRequest, WorkerResponse } from '../analysis-messages.js';

/** A test double of the Worker interface: records what is posted, lets the test answer. */
export class FakeAnalysisPort implements AnalysisPort {
  posted: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: { data: WorkerResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  postMessage(message: WorkerRequest) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: WorkerResponse) {
    this.onmessage?.({ data });
  }
}
