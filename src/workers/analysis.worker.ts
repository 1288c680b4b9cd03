/** The analysis worker: runs analyzeToJson off the main thread (see analysis-protocol.ts). */
import { handleAnalysisRequest, type AnalysisRequest } from './analysis-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalysisRequest>): void => {
  scope.postMessage(handleAnalysisRequest(event.data));
};
