/**
 * Synthetic stored takes for the progress benchmarks: 4 drills, zh and en, two analysis versions, a
 * take every few hours over a year; seeded, so every run plots the same data.
 */
import { ANALYSIS_VERSION, TRACK_HOP_SEC, type AnalysisReport, type GuidelineId, type TimeTrack, type Verdict, type VerdictMeasure, type VerdictStatus } from '../src/analysis/index.ts';
import { findBuiltInDrill, type Drill } from '../src/drills/index.ts';
import { DEFAULT_BANDS } from '../src/guidelines/bands.ts';
import { SCHEMA_VERSION, type TakeRecord } from '../src/storage/index.ts';

const DRILLS = ['zh-greeting3', 'zh-greeting4', 'en-greeting3', 'en-greeting4'].map((id) => findBuiltInDrill(id) as Drill);
const GUIDELINES: [GuidelineId, string, number, number][] = [
  ['rate', 'chars/min', 150, 280], ['volume', 'dBFS', -32, -14], ['effort', 'dB', -4, 8], ['steadiness', 'dB', 0.5, 5],
  ['pitchLevel', 'st', -2, 5], ['pitchVariety', 'st', 1, 7], ['pauses', 's', 0.1, 1.5], ['emphasis', 'st', 0, 4], ['warmth', 'st', -1, 3],
];

// mulberry32, a seeded PRNG, so every run plots the same data.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MEASURES: Record<GuidelineId, VerdictMeasure> = {
  rate: 'perMinute', volume: 'activeLevelDbfs', effort: 'effortDb', steadiness: 'phraseLevelSdDb', pitchLevel: 'pitchLevelSt',
  pitchVariety: 'sdSt', pauses: 'longestPartGapSec', emphasis: 'medianPitchGainSt', warmth: 'warmthSt',
};

function report(drill: Drill, version: string, next: () => number): AnalysisReport {
  const statuses: VerdictStatus[] = ['good', 'good', 'borderline', 'low', 'high'];
  const verdicts: Verdict[] = GUIDELINES.map(([g, unit, lo, hi]) => ({
    guideline: g,
    value: Math.round((lo + next() * (hi - lo)) * 100) / 100,
    unit: g === 'rate' && drill.lang === 'en' ? 'wpm' : unit,
    measure: MEASURES[g],
    status: statuses[Math.floor(next() * statuses.length)],
    band: g === 'rate' ? DEFAULT_BANDS[drill.lang].rate : g === 'volume' ? DEFAULT_BANDS[drill.lang].volume : null,
    reason: null,
    adviceKey: `${g}.good`,
  }));
  return {
    analysisVersion: version, durationSec: 4, sampleRateHz: 48000, channels: 1, lang: drill.lang, speechFound: true, noSpeechReason: null,
    speech: { startSec: 0.4, endSec: 3.6, spanSec: 3.2, soundingSec: 2.6, pauseCount: 2, longestPauseSec: 0.5, pauses: [] },
    rate: { syllables: 12, syllablesSource: 'script', syllablesMethod: 'script:syllable@5+readings', nuclei: 12, nucleiSec: [], words: 12, syllablesPerSec: 3.7, articulationSyllablesPerSec: 4.5, perMinute: 220, perMinuteUnit: 'chars/min' },
    loudness: { activeLevelDbfs: -21, peakDbfs: -6, clippedFraction: 0, noiseFloorDbfs: -70, snrDb: 49, phraseLevelSdDb: 1.1, finalDropDb: 0.4 },
    pitch: { medianHz: 210, p5Hz: 170, p95Hz: 290, rangeSt: 9, sdSt: 2.6, voicedFraction: 0.6, floorHz: 120, ceilingHz: 450, track: track((t) => (t > 0.4 && t < 3.6 ? 210 : null)) },
    intensity: { track: track((t) => (t > 0.4 && t < 3.6 ? -21 : -70)) },
    timbre: { brightnessHz: 1200 }, phrases: [], parts: [], emphasis: [], verdicts, warnings: [],
  };
}

// A 4 s take's track on the report's 10 ms grid (400 cells), as analysis 1.3.0 stores it.
function track(valueAt: (timeSec: number) => number | null): TimeTrack {
  return { hopSec: TRACK_HOP_SEC, startSec: TRACK_HOP_SEC / 2, values: Array.from({ length: 400 }, (_, i) => valueAt((i + 0.5) * TRACK_HOP_SEC)) };
}

/** `n` analysed takes, a tenth of them from an older analysis version. */
export function syntheticTakes(n: number): TakeRecord[] {
  const next = random(42);
  const start = Date.UTC(2025, 10, 1);
  return Array.from({ length: n }, (_, i) => {
    const drill = DRILLS[i % DRILLS.length];
    const r = report(drill, i < n / 10 ? '0.9.0' : ANALYSIS_VERSION, next);
    return {
      schemaVersion: SCHEMA_VERSION, id: `take-${String(i).padStart(5, '0')}`, drillId: drill.id, drill, script: drill.template,
      createdAt: new Date(start + i * 8.7 * 3600_000).toISOString(), status: 'analysed', sampleRateHz: 48000, durationSec: 4,
      report: r, analysisVersion: r.analysisVersion, name: null, failure: null, incomplete: false, countAnyway: false,
    };
  });
}
