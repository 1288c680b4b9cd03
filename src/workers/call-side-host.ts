/**
 * The side worker's job (call-side.worker.ts is its thin adapter): one call side (src/analysis call-side.ts)
 * fed by 'push' and finished by 'summary', 'speech' and 'measure', each answered in the order asked. A
 * failure is answered with 'error' and ends the side. No DOM: tests run it over a MessageChannel.
 */
import { createCallSide, type CallSide } from '../analysis/index.ts';
import type { SideRequest, SideResponse } from './call-side-protocol.ts';

/** The handler of the side worker's messages; `post` sends an answer. */
export function createSideHost(post: (message: SideResponse) => void): (request: SideRequest) => void {
  let side: CallSide | null = null;
  let failed = false;
  const started = (): CallSide => {
    if (side === null) throw new Error('the call side was not started');
    return side;
  };
  return (request) => {
    if (failed) return;
    try {
      switch (request.type) {
        case 'start':
          side = createCallSide(request.sampleRateHz);
          return;
        case 'push':
          started().push(request.samples);
          return post({ type: 'pushed' });
        case 'summary':
          return post({ type: 'summary', summary: started().summary() });
        case 'speech':
          return post({ type: 'speech', speech: started().speech(request.other, request.durationSec) });
        case 'measure':
          // The last step (RemoteCallSide): the side's stored signal is let go as its turns are measured.
          return post({ type: 'measured', turns: started().measure(request.turns, request.speech, undefined, true) });
      }
    } catch (e) {
      failed = true;
      side = null;
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
}
