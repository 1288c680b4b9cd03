/**
 * reanalyseCall (src/calls/reanalyse-call.ts): a stored mono call analysed again with another agent voice
 * and corrections keeps its id, audio and the agent's notes (even ones saved while the analysis ran),
 * stores the corrections and the new report; a failure or a cancel changes nothing saved. Fake analysers.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { reanalyseCall, type CallAnalyser } from '../../src/calls/index.ts';
import type { CallAnalysis, CallAnalysisOptions } from '../../src/workers/call-analysis.ts';
import { CALL_SCHEMA_VERSION, openStore, type CallRecord, type VoiceDrillStore } from '../../src/storage/index.ts';

let dbCounter = 0;
const opened: VoiceDrillStore[] = [];
async function freshStore(): Promise<VoiceDrillStore> {
  const store = await openStore({ name: `voicedrill-reanalyse-test-${++dbCounter}` });
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

type Seg = { startSec: number; endSec: number; speaker: 0 | 1 };
const SEGMENTS: Seg[] = [{ startSec: 1, endSec: 4, speaker: 0 }, { startSec: 5, endSec: 9, speaker: 1 }];

/** A mono analysis whose agent is voice `agentSpeaker` of SEGMENTS (corrections applied as the engine would not: only counted). */
function monoAnalysis(agentSpeaker: 0 | 1, corrections: Seg[] = []): CallAnalysis {
  const turns = SEGMENTS.map((s) => ({
    speaker: s.speaker === agentSpeaker ? 'agent' : 'customer', startSec: s.startSec, endSec: s.endSec, speechSec: s.endSec - s.startSec,
    syllables: 12, syllablesPerSec: 4, activeLevelDbfs: -24, pitchSdSt: 2.5,
  }));
  const report = {
    callRulesVersion: '1', durationSec: 10, sampleRateHz: 16000, agentChannel: 'mono', lang: 'en', agentSpeechFound: true, customerSpeechFound: true,
    turns, sounds: [],
    talkShare: { agentSec: 3, customerSec: 4, overlapSec: 0, silenceSec: 3, agentFraction: 0.3, customerFraction: 0.4, overlapFraction: 0, silenceFraction: 0.3 },
    pace: { agentSyllablesPerSec: 4, customerSyllablesPerSec: 4, ratio: 1, exchanges: [] },
    responses: [], longestAgentTurnSec: 3, agentReferenceLevelDbfs: -24, findings: [],
    diarisation: { confident: true, separation: 5, agentSpeaker, segments: SEGMENTS, corrections: corrections.length },
  } as unknown as CallAnalysis['report'];
  const peaks = { peaksPerSec: 50, channels: [{ min: Float32Array.from([-0.5]), max: Float32Array.from([0.5]) }] };
  return { report, peaks, durationSec: 10, sampleRateHz: 16000, channelCount: 1, agentChannel: 'mono' };
}

function monoRecord(id: string): CallRecord {
  const a = monoAnalysis(0);
  return {
    schemaVersion: CALL_SCHEMA_VERSION, id, createdAt: 1000, fileName: 'mono.wav', fileBytes: 6, mimeType: 'audio/wav', durationSec: 10,
    sampleRateHz: 16000, channelCount: 1, agentChannel: 'mono', lang: 'en', analysisVersion: 'old', report: a.report, peaks: a.peaks,
    keepAudio: true, audioBytes: 6, reflection: null, bookmarks: [], drillIds: [],
  };
}

const NOTES = {
  reflection: { happened: 'angry customer', felt: 'rushed', nextTime: 'slow down', updatedAt: 5 },
  bookmarks: [{ id: 'm1', atSec: 2, note: 'here', createdAt: 6 }],
  drillIds: ['drill-1'],
};

/** A stored mono call with notes and 6 bytes of kept audio. */
async function storedCall(store: VoiceDrillStore): Promise<CallRecord> {
  await store.putCall(monoRecord('call-1'));
  await store.putCallAudioChunk('call-1', 0, new Uint8Array([1, 2, 3, 4, 5, 6]).buffer);
  return store.updateCall('call-1', NOTES);
}

describe('reanalyseCall', () => {
  it('keeps the id, audio and notes; stores the corrections and the new report; the analyser gets the choice and the audio as a named file', async () => {
    const store = await freshStore();
    const call = await storedCall(store);
    const seen: { name: string; bytes: number; options: CallAnalysisOptions }[] = [];
    const analyse: CallAnalyser = async (file, options, onProgress) => {
      seen.push({ name: file.name, bytes: file.size, options });
      onProgress({ phase: 'analysing', fedSec: 10, durationSec: 10 });
      return monoAnalysis(options.agentSpeaker ?? 0, options.speakerCorrections);
    };
    const corrections: Seg[] = [{ startSec: 5, endSec: 9, speaker: 1 }];
    const progress: string[] = [];
    const audio = (await store.loadCallAudio('call-1')) as Blob;
    const saved = await reanalyseCall({
      store, call, audio, choice: { agentSpeaker: 1, speakerCorrections: corrections }, calibrationLevelDbfs: -26,
      analyse, onProgress: (p) => progress.push(p.phase),
    });
    expect(seen).toEqual([{ name: 'mono.wav', bytes: 6, options: { agentChannel: 'left', lang: 'en', calibrationLevelDbfs: -26, agentSpeaker: 1, speakerCorrections: corrections } }]);
    expect(progress).toEqual(['analysing']);
    const stored = await store.getCall('call-1');
    expect(stored).toEqual(saved);
    expect(stored).toMatchObject({ id: 'call-1', createdAt: 1000, keepAudio: true, audioBytes: 6, ...NOTES, speakerCorrections: corrections });
    expect(stored?.analysisVersion).not.toBe('old');
    expect(stored?.report.diarisation).toMatchObject({ agentSpeaker: 1, corrections: 1 });
    // The agent's turns swapped: voice 1 (5–9 s) is now the agent's.
    expect(stored?.report.turns.filter((t) => t.speaker === 'agent').map((t) => t.startSec)).toEqual([5]);
    expect(await store.db.callAudio.count()).toBe(1);
    expect(await store.listCalls()).toHaveLength(1);
  });

  it('keeps a note saved while the analysis ran', async () => {
    const store = await freshStore();
    const call = await storedCall(store);
    const later = [...NOTES.bookmarks, { id: 'm2', atSec: 7, note: 'added meanwhile', createdAt: 7 }];
    const analyse: CallAnalyser = async (_file, options) => {
      await store.updateCall('call-1', { bookmarks: later });
      return monoAnalysis(options.agentSpeaker ?? 0);
    };
    await reanalyseCall({ store, call, audio: new File([new Uint8Array(6)], 'mono.wav'), choice: { agentSpeaker: 1, speakerCorrections: [] }, calibrationLevelDbfs: null, analyse, onProgress: () => undefined });
    expect((await store.getCall('call-1'))?.bookmarks).toEqual(later);
  });

  it('changes nothing saved when the analysis fails, when cancelled, or when the call was deleted meanwhile', async () => {
    const store = await freshStore();
    const call = await storedCall(store);
    const before = await store.getCall('call-1');
    const audio = new File([new Uint8Array(6)], 'mono.wav');
    const failing: CallAnalyser = async () => { throw new Error('mono.wav could not be read.'); };
    await expect(reanalyseCall({ store, call, audio, choice: { agentSpeaker: 1, speakerCorrections: [] }, calibrationLevelDbfs: null, analyse: failing, onProgress: () => undefined }))
      .rejects.toThrow('could not be read');
    expect(await store.getCall('call-1')).toEqual(before);

    const controller = new AbortController();
    const cancelled: CallAnalyser = async (_f, options) => {
      controller.abort();
      return monoAnalysis(options.agentSpeaker ?? 0);
    };
    await expect(reanalyseCall({ store, call, audio, choice: { agentSpeaker: 1, speakerCorrections: [] }, calibrationLevelDbfs: null, analyse: cancelled, onProgress: () => undefined, signal: controller.signal }))
      .rejects.toMatchObject({ name: 'AbortError' });
    expect(await store.getCall('call-1')).toEqual(before);

    const deleting: CallAnalyser = async (_f, options) => {
      await store.deleteCall('call-1');
      return monoAnalysis(options.agentSpeaker ?? 0);
    };
    await expect(reanalyseCall({ store, call, audio, choice: { agentSpeaker: 1, speakerCorrections: [] }, calibrationLevelDbfs: null, analyse: deleting, onProgress: () => undefined }))
      .rejects.toMatchObject({ kind: 'not-found' });
    expect(await store.listCalls()).toEqual([]);
  });

  it('scores the greeting again with the template and calibration it was scored with (a new voice changes who opens the call); a call without one gets none', async () => {
    const store = await freshStore();
    const call = await storedCall(store);
    const baseline = { medianHz: 180, activeLevelDbfs: -25, brightnessHz: null };
    const oldGreeting = { drillId: 'en-greeting4', script: 'Hello, Acme, this is Li, how can I help?', startSec: 1, endSec: 3, sliceStartSec: 0.7, report: { verdicts: [], parts: [], speechFound: true, durationSec: 2.6 } as never, baseline };
    const withGreeting = await store.putCall({ ...call, greeting: oldGreeting });
    const seen: CallAnalysisOptions[] = [];
    const newGreeting = { ...oldGreeting, startSec: 5, endSec: 7, sliceStartSec: 4.7 };
    const analyse: CallAnalyser = async (_file, options) => {
      seen.push(options);
      return { ...monoAnalysis(options.agentSpeaker ?? 0), greeting: options.greeting ? newGreeting : null };
    };
    const audio = new File([new Uint8Array(6)], 'mono.wav');
    await reanalyseCall({ store, call: withGreeting, audio, choice: { agentSpeaker: 1, speakerCorrections: [] }, calibrationLevelDbfs: null, analyse, onProgress: () => undefined });
    expect(seen[0].greeting).toEqual({ drillId: oldGreeting.drillId, script: oldGreeting.script, baseline });
    expect((await store.getCall('call-1'))?.greeting).toMatchObject({ startSec: 5, endSec: 7 });

    await store.putCall({ ...monoRecord('call-3'), greeting: null });
    const plain = (await store.getCall('call-3')) as CallRecord;
    await reanalyseCall({ store, call: plain, audio, choice: { agentSpeaker: 1, speakerCorrections: [] }, calibrationLevelDbfs: null, analyse, onProgress: () => undefined });
    expect(seen[1].greeting).toBeUndefined();
    expect((await store.getCall('call-3'))?.greeting).toBeNull();

    // A call stored before greetings were scored: the greeting chosen on its page is scored and kept.
    const { greeting: _none, ...never } = monoRecord('call-4') as CallRecord;
    await store.db.calls.put(never as CallRecord);
    const old = (await store.getCall('call-4')) as CallRecord;
    expect('greeting' in old).toBe(false);
    const chosen = { drillId: 'en-greeting3', script: 'Good morning, this is Li, happy to help.', baseline: null };
    await reanalyseCall({ store, call: old, audio, choice: { agentSpeaker: 0, speakerCorrections: [] }, calibrationLevelDbfs: null, analyse, onProgress: () => undefined, greeting: chosen });
    expect(seen[2].greeting).toEqual(chosen);
    expect((await store.getCall('call-4'))?.greeting).toMatchObject({ startSec: 5, endSec: 7 });
  });

  it('a call stored before corrections existed reads back with none', async () => {
    const store = await freshStore();
    const call = await storedCall(store);
    expect(call.speakerCorrections).toEqual([]);
    await store.db.calls.put({ ...monoRecord('call-2'), speakerCorrections: [{ startSec: 2, endSec: 1, speaker: 0 }, { startSec: 1, endSec: 2, speaker: 3 }, { startSec: 1, endSec: 2, speaker: 1 }] } as unknown as CallRecord);
    expect((await store.getCall('call-2'))?.speakerCorrections).toEqual([{ startSec: 1, endSec: 2, speaker: 1 }]);
  });
});
