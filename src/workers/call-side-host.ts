/**
 * The side worker's job (call-side.worker.ts is its thin adapter): one call side (src/analysis call-side.ts)
 * fed by 'push' and finished by 'summary', 'speech' and 'measure', each answered in the order asked (one
 * after another: 'start' waits for the side's scratch file). A failure is answered with 'error' and ends
 * the side. The scratch file is released before the last answer or the error is posted: the call worker
 * terminates this worker on either. No DOM: tests run it over a MessageChannel.
 */
import { createCallSide, type CallSide } from '../analysis/index.ts';
import type { SideRequest, SideResponse } from './call-side-protocol.ts';
import type { OwnedScratchFile, ScratchHost } from './scratch-files.ts';

/**
 * The handler of the side worker's messages; `post` sends an answer (transferring what `transfer` lists); with
 * `scratch`, the side keeps its stored signal in a scratch file of its own.
 */
export function createSideHost(post: (message: SideResponse, transfer?: Transferable[]) => void, scratch?: ScratchHost): (request: SideRequest) => void {
  let side: CallSide | null = null;
  let file: OwnedScratchFile | null = null;
  let failed = false;
  let queue = Promise.resolve();
  const started = (): CallSide => {
    if (side === null) throw new Error('the call side was not started');
    return side;
  };
  const release = async (): Promise<void> => {
    const held = file;
    file = null;
    await held?.release();
  };
  const handle = async (request: SideRequest): Promise<void> => {
    if (failed) return;
    try {
      switch (request.type) {
        case 'start':
          file = (await scratch?.open()) ?? null;
          side = createCallSide(request.sampleRateHz, file ?? undefined);
          return;
        case 'push':
          started().push(request.samples);
          // The side keeps none of it: the array goes back to the call worker's reader to be filled again (a
          // new 1 MB array per piece here was memory outside the JS heap that a worker frees only at its next
          // full collection: tens of MB held through the reading and into the finish).
          return post({ type: 'pushed', samples: request.samples }, [request.samples.buffer as ArrayBuffer]);
        case 'summary':
          return post({ type: 'summary', summary: started().summary() });
        case 'speech':
          return post({ type: 'speech', speech: started().speech(request.other, request.durationSec) });
        case 'measure': {
          // The last step (RemoteCallSide): the side's stored signal is let go as its turns are measured.
          const turns = started().measure(request.turns, request.speech, undefined, true);
          await release();
          return post({ type: 'measured', turns });
        }
      }
    } catch (e) {
      failed = true;
      side = null;
      await release().catch(() => undefined);
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (request) => {
    queue = queue.then(() => handle(request));
  };
}
