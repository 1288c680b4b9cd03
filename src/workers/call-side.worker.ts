/** The side worker: the right channel of a stereo call, analysed beside the call worker (call-side-host.ts). */
import { createSideHost } from './call-side-host.ts';
import type { SideRequest } from './call-side-protocol.ts';
import { privateScratch } from './scratch-files.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSideHost((message, transfer = []) => scope.postMessage(message, transfer), privateScratch);

scope.onmessage = (event: MessageEvent<SideRequest>): void => handle(event.data);
