/** analyzeRecording: the single entry point the worker, the CLI and the tests call. */
import type { AnalyzeOptions, AudioInput } from './options.ts';
import { ANALYSIS_VERSION, type AnalysisReport } from './report.ts';

/** Analyse one recording against the delivery guidelines. Pure: same input, same report. */
export function analyzeRecording(input: AudioInput, options: AnalyzeOptions = {}): AnalysisReport {
  if (input.channels.length === 0) throw new Error('no audio channels');
  const lengthSamples = input.channels[0].length;
  // Placeholder until the modules are wired (lead is integrating).
  return {
    analysisVersion: ANALYSIS_VERSION,
    durationSec: lengthSamples / input.sampleRateHz,
    sampleRateHz: input.sampleRateHz,
    channels: input.channels.length,
    lang: options.lang ?? 'en',
    speechFound: false,
    noSpeechReason: null,
    speech: { startSec: null, endSec: null, spanSec: null, soundingSec: null, pauseCount: 0, longestPauseSec: null, pauses: [] },
    rate: { syllables: null, syllablesSource: 'estimate', nuclei: null, words: null, syllablesPerSec: null, articulationSyllablesPerSec: null, perMinute: null, perMinuteUnit: 'wpm' },
    loudness: { activeLevelDbfs: null, peakDbfs: null, clippedFraction: 0, noiseFloorDbfs: null, snrDb: null, phraseLevelSdDb: null, finalDropDb: null },
    pitch: { medianHz: null, p5Hz: null, p95Hz: null, rangeSt: null, sdSt: null, voicedFraction: null, floorHz: null, ceilingHz: null },
    phrases: [],
    parts: [],
    verdicts: [],
  };
}
