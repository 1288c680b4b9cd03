/**
 * A stereo call on two threads: the left channel's side (call-side.ts) runs here, the right channel's in
 * another thread behind a RemoteCallSide (the browser's call worker starts a second worker for it). Both
 * sides run their front ends as the chunks arrive, and at the end their share of the finish at the same
 * time; only the join (turns from both sides' speech, events, findings: engine.ts assembleCallReport)
 * waits for both. The steps and their inputs are those of engine.ts analyzeSides, so the report is the
 * one the CLI and analyzeCall give for the same samples (tests/app/call-side-worker.test.ts proves it).
 * Pure: the other thread is reached only through the RemoteCallSide given.
 */
import type { IntervalSec } from '../types.ts';
import { createCallSide, type SideSpeech, type SideSummary } from './call-side.ts';
import { assembleCallReport, turnsOf, type CallOptions } from './engine.ts';
import type { CallTurn } from './report.ts';
import { createCallFeed, type CallResult, type CallStreamOptions } from './stream.ts';
import { callTurns, type RawTurn } from './turns.ts';

/** A call side (call-side.ts CallSide) running in another thread: the same steps, answered asynchronously. */
export interface RemoteCallSide {
  /** Hand over the next chunk (it may be transferred: not to be used after); resolves when the next may be sent. */
  push(samples: Float32Array): Promise<void>;
  summary(): Promise<SideSummary>;
  speech(other: SideSummary, durationSec: number): Promise<SideSpeech>;
  /** The side's last step: its signal is let go as its turns are measured (CallSide.measure with `last`). */
  measure(turns: RawTurn[], speech: IntervalSec[]): Promise<CallTurn[]>;
}

/** A stereo call fed chunk by chunk, its right channel analysed by `remote`. */
export interface SplitCallStream {
  /** The next chunk, both channels; the right channel's array is handed to the remote side. Resolves when the next may be pushed. */
  push(channels: readonly Float32Array[]): Promise<void>;
  readonly fedSec: number;
  /** Analyse everything fed (a stereo call: agentChannel 'left' or 'right'). */
  finish(options: CallOptions): Promise<CallResult>;
}

/** Start a two-thread stereo call stream at `sampleRateHz` (options.scratchFiles: the left channel's only; the remote side has its own). */
export function createSplitCallStream(sampleRateHz: number, remote: RemoteCallSide, options: CallStreamOptions = {}): SplitCallStream {
  const local = createCallSide(sampleRateHz, options.scratchFiles?.[0]);
  let handed: Promise<void> = Promise.resolve();
  const feed = createCallFeed(sampleRateHz, 2, options, (channels) => {
    // Handed over first, so the remote side works on it while this side does its own.
    handed = remote.push(channels[1]);
    local.push(channels[0]);
  });
  return {
    get fedSec() {
      return feed.fedSec;
    },
    push(channels) {
      feed.push(channels);
      return handed;
    },
    async finish(options) {
      feed.end(options);
      const durationSec = feed.fedSec;
      const agentIsLocal = options.agentChannel === 'left';
      // Each step asks the remote first, then does the local share while the remote works.
      const remoteSummary = remote.summary();
      const localSummary = local.summary();
      const otherSummary = await remoteSummary;
      const remoteSpeech = remote.speech(localSummary, durationSec);
      const localSpeech = local.speech(otherSummary, durationSec);
      const [agent, customer] = agentIsLocal ? [localSpeech, await remoteSpeech] : [await remoteSpeech, localSpeech];
      const raw = callTurns(agent.speech, customer.speech);
      const remoteTurns = remote.measure(turnsOf(raw, agentIsLocal ? 'customer' : 'agent'), agentIsLocal ? customer.speech : agent.speech);
      // The local side's last read of its signal (the remote's measure is its last step too): the stored blocks go as the turns pass.
      const localTurns = local.measure(turnsOf(raw, agentIsLocal ? 'agent' : 'customer'), agentIsLocal ? agent.speech : customer.speech, undefined, true);
      const [agentTurns, customerTurns] = agentIsLocal ? [localTurns, await remoteTurns] : [await remoteTurns, localTurns];
      const report = assembleCallReport({ agent, customer, raw, agentTurns, customerTurns, diarisation: null }, durationSec, sampleRateHz, options);
      return { report, peaks: feed.peaks(), opening: feed.opening() };
    },
  };
}
