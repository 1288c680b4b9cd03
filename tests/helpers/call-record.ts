/** A stored call record of known content for storage and backup tests (no audio analysis behind it). */
import { CALL_SCHEMA_VERSION, type CallRecord } from '../../src/storage/index.ts';

const FINDING_IDS = ['deadAir', 'overtalk', 'rushing'] as const;

/** A call report with `findings` flagged moments (ids cycling through deadAir, overtalk, rushing). */
export function callReport(findings = 2): CallRecord['report'] {
  return {
    callRulesVersion: '1', durationSec: 60, sampleRateHz: 8000, agentChannel: 'left', lang: 'en', agentSpeechFound: true, customerSpeechFound: true,
    turns: [{ speaker: 'agent', startSec: 1, endSec: 4, speechSec: 3, syllables: 12, syllablesPerSec: 4, activeLevelDbfs: -24, pitchSdSt: 2.5 }],
    sounds: [],
    talkShare: { agentSec: 30, customerSec: 20, overlapSec: 2, silenceSec: 12, agentFraction: 0.5, customerFraction: 0.33, overlapFraction: 0.03, silenceFraction: 0.2 },
    pace: { agentSyllablesPerSec: 4, customerSyllablesPerSec: 4.4, ratio: 0.91, exchanges: [] },
    responses: [], longestAgentTurnSec: 3, agentReferenceLevelDbfs: -24,
    findings: Array.from({ length: findings }, (_, k) => ({ id: FINDING_IDS[k % FINDING_IDS.length], startSec: 10 * k, endSec: 10 * k + 4, durationSec: 4, startedBy: null, ratio: null })),
  };
}

/** Timeline peaks of `count` values per channel (two channels), distinct per seed. */
export function callPeaks(count = 2, seed = 1): CallRecord['peaks'] {
  const channel = (c: number) => ({
    min: Float32Array.from({ length: count }, (_, i) => -((i * 7 + seed + c) % 100) / 100),
    max: Float32Array.from({ length: count }, (_, i) => ((i * 13 + seed + c) % 100) / 100),
  });
  return { peaksPerSec: 50, channels: [channel(0), channel(1)] };
}

/** A whole call record; `over` replaces any field. */
export function callRecord(id: string, createdAt: number, over: Partial<CallRecord> = {}): CallRecord {
  return {
    schemaVersion: CALL_SCHEMA_VERSION, id, createdAt, fileName: `${id}.wav`, fileBytes: 10, mimeType: 'audio/wav', durationSec: 60,
    sampleRateHz: 8000, channelCount: 2, agentChannel: 'left', lang: 'en', analysisVersion: 'test', report: callReport(), peaks: callPeaks(),
    keepAudio: false, audioBytes: 0, reflection: null, bookmarks: [], drillIds: [], ...over,
  };
}
