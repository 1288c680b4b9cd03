/**
 * Analyse a stored call again from its audio (the file still in memory after an import, or the kept
 * audio) with another choice of who is who: a mono call's agent voice and the user's corrections. The
 * call keeps its id, its audio and the agent's notes (reflection, bookmarks, drills: read again just
 * before saving, so an edit made while the analysis ran is kept). Same progress and cancel as an import;
 * on failure or cancel nothing saved changes.
 */
import { ANALYSIS_VERSION } from '../analysis/report.ts';
import { StorageError, type CallRecord, type VoiceDrillStore } from '../storage/index.ts';
import type { CallAnalysisOptions, CallProgress } from '../workers/call-client.ts';
import type { CallAnalyser } from './import-call.ts';
import type { MonoChoice } from './speaker-corrections.ts';
import type { CallGreetingChoice } from '../workers/call-greeting.ts';

/** What reanalyseCall needs. */
export interface ReanalyseCallArgs {
  store: VoiceDrillStore;
  call: CallRecord;
  /** The call's original file (a File after an import, the kept audio's Blob on the call's page). */
  audio: Blob;
  choice: MonoChoice;
  /** Score the opening greeting against this template (a call imported before greetings were scored); default: the call's own. */
  greeting?: CallGreetingChoice;
  /** The agent's calibration level now, dBFS (null without one), as an import takes it. */
  calibrationLevelDbfs: number | null;
  analyse: CallAnalyser;
  onProgress: (p: CallProgress) => void;
  signal?: AbortSignal;
}

function abortError(): Error {
  return Object.assign(new Error('The call analysis was cancelled.'), { name: 'AbortError' });
}

/** The audio as a File named like the call (the worker names the file in its messages). */
function asFile(audio: Blob, call: Pick<CallRecord, 'fileName' | 'mimeType'>): File {
  return audio instanceof File ? audio : new File([audio], call.fileName, { type: audio.type || call.mimeType });
}

/** Re-analyse `call` with `choice` and store it under the same id; rejects with the analysis's error, AbortError or a StorageError. */
export async function reanalyseCall(args: ReanalyseCallArgs): Promise<CallRecord> {
  const { store, call, choice, signal } = args;
  const greeting = args.greeting ?? (call.greeting ? { drillId: call.greeting.drillId, script: call.greeting.script, baseline: call.greeting.baseline ?? null } : null);
  const options: CallAnalysisOptions = {
    // A mono file is diarised whatever the side says; a stereo call keeps its side.
    agentChannel: call.agentChannel === 'right' ? 'right' : 'left',
    lang: call.lang,
    calibrationLevelDbfs: args.calibrationLevelDbfs,
    agentSpeaker: choice.agentSpeaker,
    speakerCorrections: choice.speakerCorrections,
    // The greeting is scored again with the template and calibration it was scored with: a new choice of
    // voice changes who opens the call.
    ...(greeting ? { greeting } : {}),
  };
  const analysis = await args.analyse(asFile(args.audio, call), options, args.onProgress, signal);
  if (signal?.aborted) throw abortError();
  if (analysis.agentChannel !== call.agentChannel) {
    throw new StorageError('corrupt', `The audio of ${call.fileName} does not match its analysis (${analysis.agentChannel}, not ${call.agentChannel}); nothing was changed.`);
  }
  const latest = await store.getCall(call.id);
  if (latest === null) throw new StorageError('not-found', `There is no call "${call.id}"; it may have been deleted.`);
  if (signal?.aborted) throw abortError();
  return store.putCall({
    ...latest,
    durationSec: analysis.durationSec,
    sampleRateHz: analysis.sampleRateHz,
    channelCount: analysis.channelCount,
    analysisVersion: ANALYSIS_VERSION,
    report: analysis.report,
    peaks: analysis.peaks,
    speakerCorrections: choice.speakerCorrections.map((c) => ({ ...c })),
    ...(greeting ? { greeting: analysis.greeting ?? null } : {}),
  });
}
