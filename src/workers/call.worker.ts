/**
 * The call worker: reads one call file in slices, analyses it (call-analysis.ts) and posts progress and the
 * result. A stereo call's right channel goes to a side worker of its own, so both channels use the two cores.
 */
import { analyseCallFile } from './call-analysis.ts';
import { CallFileError } from './call-file-error.ts';
import { transferablesOf, type CallRequest, type CallResponse } from './call-protocol.ts';
import { privateScratch } from './scratch-files.ts';
import { spawnCallSideWorker } from './spawn-call-side-worker.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: CallResponse, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);

scope.onmessage = (event: MessageEvent<CallRequest>): void => {
  const { file, options } = event.data;
  analyseCallFile(file, options, (p) => post({ type: 'progress', ...p }), undefined, spawnCallSideWorker, privateScratch).then(
    (analysis) => post({ type: 'done', analysis }, transferablesOf(analysis)),
    (error: unknown) => {
      if (error instanceof CallFileError) post({ type: 'error', kind: error.kind, message: error.message, channelCount: error.channelCount });
      else post({ type: 'error', kind: 'unknown', message: `${file.name} could not be analysed: ${error instanceof Error ? error.message : String(error)}.`, channelCount: null });
    },
  );
};
