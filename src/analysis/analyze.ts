/** analyzeRecording: the single entry point the worker, the CLI and the tests call. */
import { DEFAULT_BANDS } from '../guidelines/bands.ts';
import { highpass } from './dsp/highpass.ts';
import { measureEmphasis } from './emphasis.ts';
import { mixdown } from './dsp/mixdown.ts';
import { resampleTo } from './dsp/resample.ts';
import { intensityContour, SEGMENTATION_MIN_PITCH_HZ } from './intensity.ts';
import { clippedFraction, intervalLevelDbfs, measureLoudness, peakDbfs } from './loudness.ts';
import { subbandNuclei } from './nuclei-subband.ts';
import { analysisLang, validateAudioInput, type AnalyzeOptions, type AudioInput } from './options.ts';
import { mapParts, type PartMapping } from './parts.ts';
import { analysePitch, type PitchResult } from './pitch-pass.ts';
import { buildRate } from './rate.ts';
import { ANALYSIS_VERSION, type AnalysisReport, type PhraseReport } from './report.ts';
import { levelSteadiness, scoreGuidelines } from './scoring.ts';
import { parseScript } from './script.ts';
import { segmentSpeech } from './segmentation.ts';
import { brightnessHz } from './spectrum.ts';
import { finiteOrNull } from './stats.ts';
import { intensityOnGrid, pitchOnGrid, trackLength } from './tracks.ts';
import { analysisWarnings } from './warnings.ts';
import { ANALYSIS_RATE_HZ, type IntensityContour, type IntervalSec, type Segmentation } from './types.ts';

// Finer silences for locating the parts of a greeting: GUIDELINES.md asks for 0.15–0.8 s between parts,
// shorter than the 0.25 s pause threshold.
const PART_GAP_MIN_SEC = 0.1;
// Phrases shorter than this are too short for a stable level (P.56 needs ~0.3 s).
const STEADINESS_MIN_PHRASE_SEC = 0.3;

function phraseReports(hp: Float32Array, seg: Segmentation, pitch: PitchResult | null): PhraseReport[] {
  return seg.sounding.map((iv) => ({
    startSec: iv.startSec,
    endSec: iv.endSec,
    activeLevelDbfs: finiteOrNull(intervalLevelDbfs(hp, ANALYSIS_RATE_HZ, iv)),
    medianHz: pitch ? pitch.medianHzIn(iv) : null,
  }));
}

// Steadiness compares the script's parts when the take maps onto a multi-part script: a greeting said
// with short gaps is a single pause-delimited phrase, yet "trailing off" is about its last part.
function steadinessStretches(hp: Float32Array, phrases: PhraseReport[], parts: PartMapping | null): PhraseReport[] {
  const found = parts && parts.parts.length > 1 ? parts.parts.filter((p) => p.found && p.startSec !== null && p.endSec !== null) : [];
  if (found.length < 2) return phrases;
  return found.map((p) => {
    const iv = { startSec: p.startSec as number, endSec: p.endSec as number };
    return { ...iv, activeLevelDbfs: finiteOrNull(intervalLevelDbfs(hp, ANALYSIS_RATE_HZ, iv)), medianHz: null };
  });
}

function steadiness(phrases: PhraseReport[]): ReturnType<typeof levelSteadiness> {
  return levelSteadiness(phrases
    .filter((p) => p.endSec - p.startSec >= STEADINESS_MIN_PHRASE_SEC && p.activeLevelDbfs !== null)
    .map((p) => p.activeLevelDbfs as number));
}

// The parts' mapping and the fine sounding intervals it was made on (emphasis times words on them too).
function partMapping(
  hp: Float32Array, contour: IntensityContour, seg: Segmentation, script: ReturnType<typeof parseScript> | null,
): { mapping: PartMapping; sounding: IntervalSec[] } | null {
  if (!script || script.parts.length === 0) return null;
  if (!seg.speechFound) return { mapping: mapParts(script.parts, [], []), sounding: [] };
  const fine = segmentSpeech({ samples: hp, sampleRateHz: ANALYSIS_RATE_HZ }, { minPauseSec: PART_GAP_MIN_SEC, praatGuardOnly: true }, contour);
  const sounding: IntervalSec[] = fine.speechFound ? fine.sounding : seg.sounding;
  return { mapping: mapParts(script.parts, sounding, seg.pauses), sounding };
}

/** Analyse one recording against the delivery guidelines. Pure: same input, same report. */
export function analyzeRecording(input: AudioInput, options: AnalyzeOptions = {}): AnalysisReport {
  validateAudioInput(input);
  const script = options.script && options.script.trim() ? parseScript(options.script, options.lang) : null;
  const lang = analysisLang(options);
  const bands = options.bands ?? DEFAULT_BANDS[lang];
  if (bands.lang !== lang) throw new RangeError(`the bands are for language "${bands.lang}" but the analysis language is "${lang}"`);
  const mono = mixdown(input.channels, options.channel ?? 'mix');
  const durationSec = mono.length / input.sampleRateHz;
  const hp = highpass(resampleTo(mono, input.sampleRateHz, ANALYSIS_RATE_HZ), ANALYSIS_RATE_HZ);

  const contour = intensityContour(hp, ANALYSIS_RATE_HZ, SEGMENTATION_MIN_PITCH_HZ);
  const seg = segmentSpeech({ samples: hp, sampleRateHz: ANALYSIS_RATE_HZ }, {}, contour);
  const speech = seg.speechFound && seg.startSec !== null && seg.endSec !== null;
  const loud = measureLoudness({ samples: mono, sampleRateHz: input.sampleRateHz }, hp, speech ? seg.sounding : []);
  const pitch = speech ? analysePitch(hp, seg.sounding) : null;
  const nuclei = speech && pitch
    ? subbandNuclei(hp, ANALYSIS_RATE_HZ, pitch.lenientVoicing, { startSec: seg.startSec as number, endSec: seg.endSec as number })
    : null;
  const spanSec = speech ? (seg.endSec as number) - (seg.startSec as number) : null;
  const soundingSec = speech ? seg.sounding.reduce((s, iv) => s + iv.endSec - iv.startSec, 0) : null;
  const rate = buildRate({ lang, script, nucleiCount: nuclei?.count ?? null, nucleiSec: nuclei?.timesSec ?? [], spanSec, soundingSec });
  const phrases = speech ? phraseReports(hp, seg, pitch) : [];
  const mapped = partMapping(hp, contour, seg, script);
  const parts = mapped?.mapping ?? null;
  const steady = steadiness(steadinessStretches(hp, phrases, speech ? parts : null));
  const emphasis = script && mapped
    ? measureEmphasis({
      lang, scriptParts: script.parts, mappedParts: mapped.mapping.parts, nucleiSec: speech ? nuclei?.timesSec ?? [] : [],
      sounding: speech ? mapped.sounding : [], signals: { samples: hp, sampleRateHz: ANALYSIS_RATE_HZ, track: pitch?.track ?? null },
      limits: bands.emphasis,
    })
    : [];
  const stats = pitch?.stats ?? null;
  const brightness = pitch?.track ? brightnessHz(hp, ANALYSIS_RATE_HZ, pitch.track, seg.sounding) : null;
  const longestPauseSec = speech ? seg.pauses.reduce((m, p) => Math.max(m, p.endSec - p.startSec), 0) : null;
  const trackCells = trackLength(mono.length, input.sampleRateHz);

  const verdicts = scoreGuidelines({
    speechFound: speech,
    perMinute: rate.perMinute,
    activeLevelDbfs: loud.activeLevelDbfs,
    peakDbfs: loud.peakDbfs,
    clippedFraction: loud.clippedFraction,
    snrDb: loud.snrDb,
    baseline: options.baseline ?? null,
    phraseLevelSdDb: steady.phraseLevelSdDb,
    finalDropDb: steady.finalDropDb,
    medianHz: stats?.medianHz ?? null,
    sdSt: stats?.sdSt ?? null,
    brightnessHz: brightness,
    longestPauseSec,
    partGapsSec: parts && parts.parts.length > 1 && speech ? parts.partGapsSec : null,
    pausesInsideParts: parts && speech ? parts.pausesInsideParts : null,
    emphasisWords: emphasis,
  }, bands);

  return {
    analysisVersion: ANALYSIS_VERSION,
    durationSec,
    sampleRateHz: input.sampleRateHz,
    channels: input.channels.length,
    lang,
    speechFound: speech,
    noSpeechReason: speech ? null : seg.noSpeechReason,
    speech: {
      startSec: speech ? seg.startSec : null,
      endSec: speech ? seg.endSec : null,
      spanSec,
      soundingSec,
      pauseCount: speech ? seg.pauses.length : 0,
      longestPauseSec,
      pauses: speech ? seg.pauses.map((p) => ({ startSec: p.startSec, endSec: p.endSec })) : [],
    },
    rate,
    loudness: {
      activeLevelDbfs: loud.activeLevelDbfs,
      peakDbfs: finiteOrNull(peakDbfs(mono)),
      clippedFraction: clippedFraction(mono),
      noiseFloorDbfs: loud.noiseFloorDbfs,
      snrDb: loud.snrDb,
      phraseLevelSdDb: finiteOrNull(steady.phraseLevelSdDb),
      finalDropDb: finiteOrNull(steady.finalDropDb),
    },
    pitch: {
      medianHz: stats?.medianHz ?? null,
      p5Hz: stats?.p5Hz ?? null,
      p95Hz: stats?.p95Hz ?? null,
      rangeSt: stats?.rangeSt ?? null,
      sdSt: stats?.sdSt ?? null,
      voicedFraction: stats?.voicedFraction ?? null,
      floorHz: pitch?.floorHz ?? null,
      ceilingHz: pitch?.ceilingHz ?? null,
      track: pitchOnGrid(pitch?.track ?? null, trackCells),
    },
    intensity: { track: intensityOnGrid(contour, trackCells) },
    timbre: { brightnessHz: brightness },
    phrases,
    parts: parts?.parts ?? [],
    emphasis,
    verdicts,
    warnings: analysisWarnings({
      channels: input.channels.length, channel: options.channel ?? 'mix', scriptSyllables: script?.syllables ?? null,
      nuclei: rate.nuclei, perMinute: rate.perMinute, perMinuteUnit: rate.perMinuteUnit,
    }),
  };
}
