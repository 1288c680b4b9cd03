/**
 * bench:call-list — what the Calls list and Settings' storage total cost with many long calls: 200 stored
 * call records the size of a 60-minute stereo call (timeline peaks at PEAKS_PER_SEC on two channels, a report
 * of ~600 turns), listed as whole records (listCalls, what the list read before the summaries) and as
 * summaries (listCallSummaries, what it reads now), and the storage total the old way (every record) and from
 * the summaries. Runs on fake-indexeddb in Node: the figures compare the two reads, they are not a browser's.
 * Usage: npm run bench:call-list [-- --calls N] [-- --minutes M]
 */
import 'fake-indexeddb/auto';
import { PEAKS_PER_SEC } from '../src/analysis/calls/stream.ts';
import { CALL_SCHEMA_VERSION, openStore, type CallRecord, type VoiceDrillStore } from '../src/storage/index.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const callCount = arg('--calls', 200);
const minutes = arg('--minutes', 60);
const RUNS = 3;

/** A call of `minutes` minutes: peaks as the engine makes them, a turn every 6 s, a finding every minute. */
function longCall(i: number): CallRecord {
  const durationSec = minutes * 60;
  const n = durationSec * PEAKS_PER_SEC;
  const channel = () => ({ min: new Float32Array(n).fill(-0.25 - i / 1e4), max: new Float32Array(n).fill(0.25 + i / 1e4) });
  const turns = Array.from({ length: Math.floor(durationSec / 6) }, (_, k) => ({
    speaker: k % 2 === 0 ? 'agent' : 'customer', startSec: k * 6, endSec: k * 6 + 5, speechSec: 4.5, syllables: 20, syllablesPerSec: 4.4, activeLevelDbfs: -24.5, pitchSdSt: 2.1,
  }));
  const findings = Array.from({ length: minutes }, (_, k) => ({ id: 'deadAir', startSec: k * 60, endSec: k * 60 + 4, durationSec: 4, startedBy: null, ratio: null }));
  const report = {
    callRulesVersion: '1', durationSec, sampleRateHz: 44100, agentChannel: 'left', lang: 'en', agentSpeechFound: true, customerSpeechFound: true, turns, sounds: [],
    talkShare: { agentSec: 1500, customerSec: 1500, overlapSec: 60, silenceSec: 660, agentFraction: 0.42, customerFraction: 0.42, overlapFraction: 0.02, silenceFraction: 0.18 },
    pace: { agentSyllablesPerSec: 4.4, customerSyllablesPerSec: 4.2, ratio: 1.05, exchanges: [] },
    responses: [], longestAgentTurnSec: 5, agentReferenceLevelDbfs: -24, findings,
  } as unknown as CallRecord['report'];
  return {
    schemaVersion: CALL_SCHEMA_VERSION, id: `call-${i}`, createdAt: 1_700_000_000_000 + i * 60_000, fileName: `call ${i}.wav`, fileBytes: durationSec * 176_400,
    mimeType: 'audio/wav', durationSec, sampleRateHz: 44100, channelCount: 2, agentChannel: 'left', lang: 'en', analysisVersion: 'bench',
    report, peaks: { peaksPerSec: PEAKS_PER_SEC, channels: [channel(), channel()] }, keepAudio: i % 4 === 0, audioBytes: i % 4 === 0 ? durationSec * 176_400 : 0,
    reflection: null, bookmarks: [], drillIds: [],
  };
}

/** Best and median wall time of RUNS runs of `work`, with what the last run returned. */
async function time<T>(work: () => Promise<T>): Promise<{ bestMs: number; medianMs: number; last: T }> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    last = await work();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { bestMs: ms[0], medianMs: ms[Math.floor(RUNS / 2)], last: last as T };
}

const fmt = (x: { bestMs: number; medianMs: number }): string => `best ${x.bestMs.toFixed(0)} ms, median ${x.medianMs.toFixed(0)} ms`;

// The storage total as it was before the summaries: every record read to add up its audio bytes.
async function totalFromRecords(store: VoiceDrillStore): Promise<number> {
  let bytes = 0;
  await store.db.calls.each((raw) => { if (raw.keepAudio) bytes += raw.audioBytes; });
  return bytes;
}

const store = await openStore({ name: `bench-call-list-${Date.now()}` });
try {
  const filled = performance.now();
  for (let i = 0; i < callCount; i++) await store.putCall(longCall(i));
  const sample = longCall(0);
  const peakBytes = sample.peaks.channels.reduce((s, c) => s + c.min.byteLength + c.max.byteLength, 0);
  const reportBytes = JSON.stringify(sample.report).length;
  const summaryBytes = JSON.stringify((await store.listCallSummaries())[0]).length;
  console.log(`call-list: ${callCount} calls of ${minutes} min stored in ${((performance.now() - filled) / 1000).toFixed(1)} s; per call ${(peakBytes / 1e6).toFixed(2)} MB of peaks + ${(reportBytes / 1e3).toFixed(0)} kB of report as JSON, summary ${summaryBytes} B as JSON`);

  const whole = await time(() => store.listCalls());
  const light = await time(() => store.listCallSummaries());
  if (whole.last.length !== callCount || light.last.length !== callCount) throw new Error(`listed ${whole.last.length} records and ${light.last.length} summaries, not ${callCount}`);
  console.log(`call-list: list, whole records (listCalls):        ${fmt(whole)}`);
  console.log(`call-list: list, summaries (listCallSummaries):    ${fmt(light)}  → ${(whole.medianMs / light.medianMs).toFixed(0)}× less time`);

  const oldTotal = await time(() => totalFromRecords(store));
  const newTotal = await time(() => store.callStorageBytes());
  if (oldTotal.last !== newTotal.last.audioBytes) throw new Error(`the totals differ: ${oldTotal.last} from records, ${newTotal.last.audioBytes} from summaries`);
  console.log(`call-list: storage total, every record:            ${fmt(oldTotal)}`);
  console.log(`call-list: storage total, summaries:               ${fmt(newTotal)}  → ${(oldTotal.medianMs / newTotal.medianMs).toFixed(0)}× less time`);
} finally {
  store.close();
}
