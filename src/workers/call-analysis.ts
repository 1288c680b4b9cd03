/**
 * One call file through the engine: open it (call-source.ts), push its blocks into createCallStream
 * as they are decoded, report progress, and finish with the report and the timeline peaks. Runs in the
 * call worker; no DOM, so the WAV path runs in Node tests too.
 */
import { createCallStream, createSplitCallStream, type CallPeaks, type CallReport, type CallStream, type CallStreamOptions, type Lang, type SpeakerSegment, type SplitCallStream } from '../analysis/index.ts';
import { CallFileError } from './call-file-error.ts';
import { scoreCallGreeting, type CallGreetingChoice, type CallGreetingResult } from './call-greeting.ts';
import { connectCallSide, type SideWorkerLike } from './call-side-client.ts';
import { openCallSource, type CallFileLike } from './call-source.ts';
import type { OwnedScratchFile, ScratchHost } from './scratch-files.ts';

/** How to analyse the call. */
export interface CallAnalysisOptions {
  /** The agent's side of a stereo call; a mono file is diarised whatever this says. */
  agentChannel: 'left' | 'right';
  lang: Lang;
  /** The agent's calibration level, dBFS (loud / soft are judged against it); null without one. */
  calibrationLevelDbfs: number | null;
  /** Mono: the diarised voice that is the agent (default 0, the one who opens the call). */
  agentSpeaker?: 0 | 1;
  /** Mono: the user's corrections of who spoke when (voice numbers, as agentSpeaker). */
  speakerCorrections?: SpeakerSegment[];
  /** The greeting template to score the opening greeting against; absent or null: not scored. */
  greeting?: CallGreetingChoice | null;
}

/** Where an analysis is. */
export interface CallProgress {
  /** 'reading': decoding and feeding; 'analysing': everything is fed, the engine is finishing. */
  phase: 'reading' | 'analysing';
  fedSec: number;
  /** The file's length as its header says; null when it does not. */
  durationSec: number | null;
}

/** What an analysed call gives. */
export interface CallAnalysis {
  report: CallReport;
  peaks: CallPeaks;
  durationSec: number;
  sampleRateHz: number;
  channelCount: number;
  /** The side analysed as the agent's: the option for stereo, 'mono' for a one-channel file. */
  agentChannel: 'left' | 'right' | 'mono';
  /** The opening greeting scored against options.greeting; null when not asked or not found. */
  greeting?: CallGreetingResult | null;
}

/** Least time between two progress reports, ms. */
const PROGRESS_EVERY_MS = 200;

/**
 * Analyse a call file; throws CallFileError (with the file's name and why) when it cannot. With
 * `spawnSide`, a stereo call's right channel is analysed in that second worker at the same time
 * (src/analysis split-finish.ts: the same report), which is released at the end. With `scratch`, the
 * channels analysed here keep their stored signal in scratch files (released at the end; those an earlier,
 * stopped analysis left are swept first).
 */
export async function analyseCallFile(
  file: CallFileLike, options: CallAnalysisOptions, onProgress: (p: CallProgress) => void, now = (): number => Date.now(), spawnSide?: () => SideWorkerLike,
  scratch?: ScratchHost,
): Promise<CallAnalysis> {
  // The side worker hands each right-channel array back once taken: the reader fills it again.
  let spare = (_frames: number): Float32Array | undefined => undefined;
  await scratch?.sweep();
  const source = await openCallSource(file, { spare: (frames) => spare(frames) });
  let releaseSide = (): void => undefined;
  const scratchFiles: (OwnedScratchFile | null)[] = [];
  try {
    let stream: CallStream | SplitCallStream | null = null;
    let rate = 0;
    let last = -Infinity;
    onProgress({ phase: 'reading', fedSec: 0, durationSec: source.durationSec });
    for await (const block of source.blocks()) {
      if (block.channels[0].length === 0) continue;
      if (stream === null) {
        rate = block.sampleRateHz;
        const side = block.channels.length === 2 && spawnSide ? connectCallSide(spawnSide(), rate) : null;
        if (side) {
          releaseSide = side.release;
          spare = side.spare;
        }
        // The greeting is scored on the agent's channel only (a mono call's one channel), and not at all without a template.
        const openingChannels = !options.greeting ? [] : [block.channels.length === 2 && options.agentChannel === 'right' ? 1 : 0];
        // One per channel analysed in this thread (the side worker opens its own).
        if (scratch) for (let c = 0; c < (side ? 1 : block.channels.length); c++) scratchFiles.push(await scratch.open());
        stream = startStream(rate, block.channels.length, file.name, side, { openingChannels, scratchFiles: scratchFiles.map((f) => f ?? undefined) });
      }
      await stream.push(block.channels);
      if (now() - last >= PROGRESS_EVERY_MS) {
        last = now();
        onProgress({ phase: 'reading', fedSec: stream.fedSec, durationSec: source.durationSec });
      }
    }
    if (stream === null || stream.fedSec === 0) throw new CallFileError('empty', `${file.name} holds no audio.`);
    const durationSec = stream.fedSec;
    onProgress({ phase: 'analysing', fedSec: durationSec, durationSec });
    // A mono file holds both voices: told apart by diarisation (the voice that opens the call is the agent's).
    const agentChannel = source.channelCount === 1 ? 'mono' : options.agentChannel;
    const { report, peaks, opening } = await stream.finish({
      agentChannel, lang: options.lang, calibrationLevelDbfs: options.calibrationLevelDbfs,
      agentSpeaker: options.agentSpeaker, speakerCorrections: options.speakerCorrections,
    });
    // The side worker (its isolate), this stream's sides and their scratch files are let go before the greeting's take analysis runs.
    releaseSide();
    stream = null;
    await releaseAll(scratchFiles);
    const greeting = options.greeting ? scoreCallGreeting(opening, report, options.greeting) : null;
    return { report, peaks, durationSec, sampleRateHz: rate, channelCount: source.channelCount, agentChannel, greeting };
  } finally {
    releaseSide();
    source.release();
    await releaseAll(scratchFiles);
  }
}

async function releaseAll(files: (OwnedScratchFile | null)[]): Promise<void> {
  await Promise.all(files.splice(0).map((f) => f?.release()));
}

function startStream(rate: number, channelCount: number, name: string, side: ReturnType<typeof connectCallSide> | null, options: CallStreamOptions): CallStream | SplitCallStream {
  try {
    return side ? createSplitCallStream(rate, side, options) : createCallStream(rate, channelCount, options);
  } catch (e) {
    throw new CallFileError('codec', `${name} is sampled at ${rate} Hz; calls must be sampled at 8–192 kHz (${e instanceof Error ? e.message : String(e)}).`);
  }
}
