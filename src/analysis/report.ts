/** The analysis report: the one shape the app, the worker, the CLI (--json) and storage share. */
import type { GuidelineId, Lang, PitchStats, VerdictStatus } from './types.ts';
import type { AnalysisWarning } from './warnings.ts';

/** Bumped whenever a change can move any number in a report. */
export const ANALYSIS_VERSION = '1.5.0';

/** Step of the report's time tracks, s: the 10 ms hop of the pitch track. */
export const TRACK_HOP_SEC = 0.01;

/**
 * A value every 10 ms over the whole file, on one grid shared by every track of a report:
 * values[i] is the value at startSec + i·hopSec, the centre of the cell [i·hopSec, (i+1)·hopSec);
 * hopSec = 0.01 and startSec = 0.005 (= hopSec / 2); values.length = ⌈sample count · 100 / sample rate⌉,
 * the fewest cells that cover the file (⌈durationSec / hopSec⌉ without float error). Null where the
 * track has no value there (unvoiced, or no pitch analysis at all). See docs/adr/0001-analysis-core.md.
 */
export interface TimeTrack {
  hopSec: number;
  startSec: number;
  values: (number | null)[];
}

/** A band as printed: the good range and the outer limits, in the guideline's unit. */
export interface BandSummary {
  goodMin: number | null;
  goodMax: number | null;
  lowBelow: number | null;
  highAbove: number | null;
}

/**
 * What a verdict's value is: one measure per guideline, except pauses, whose value is the measure
 * that decided it (the longest pause, the shortest or longest gap between parts, or the most pauses
 * inside one part).
 */
export type VerdictMeasure =
  | 'perMinute' | 'activeLevelDbfs' | 'effortDb' | 'phraseLevelSdDb' | 'pitchLevelSt' | 'sdSt'
  | 'longestPauseSec' | 'shortestPartGapSec' | 'longestPartGapSec' | 'pausesInsidePart'
  | 'medianPitchGainSt' | 'warmthSt';

/**
 * Why a verdict's status is not the one its value alone gives against its band (the measure that
 * decided it): volume by clipping, a hot peak, peaks near clipping or noise; steadiness by the last
 * phrase's drop; pauses by pauses inside a part; emphasis by the marked words' own verdicts; warmth
 * by a voice that is not brighter.
 */
export type VerdictReason =
  | 'clipping' | 'peakTooHot' | 'peakNearClipping' | 'noisy'
  | 'trailingOff'
  | 'pausesInsidePart'
  | 'keyWordsNotStressed' | 'keyWordsUnlocated'
  | 'notBrighter';

/** One guideline verdict. */
export interface Verdict {
  guideline: GuidelineId;
  value: number | null;
  unit: string;
  /** What `value` measures (its band is that measure's band). */
  measure: VerdictMeasure;
  status: VerdictStatus;
  /** The measure other than `value` that decided `status` (null when the value against the band did; absent before analysis 1.4.0). */
  reason: VerdictReason | null;
  band: BandSummary | null;
  /** Key into the advice texts of src/guidelines (zh-CN and en). */
  adviceKey: string;
}

/** One phrase (sounding interval) with its level and pitch. */
export interface PhraseReport {
  startSec: number;
  endSec: number;
  activeLevelDbfs: number | null;
  medianHz: number | null;
}

/** One part of the script (split at ，,。.?？ or explicit markers) and the phrases mapped to it. */
export interface ScriptPartReport {
  index: number;
  text: string;
  syllables: number;
  startSec: number | null;
  endSec: number | null;
  found: boolean;
  /** Pause before this part (null for the first part or when not found). */
  pauseBeforeSec: number | null;
}

/** Verdict of one marked word: the emphasis statuses (never 'high'). */
export type EmphasisStatus = Extract<VerdictStatus, 'good' | 'borderline' | 'low' | 'unmeasured'>;

/** One word marked for emphasis (*word* in the script), located in its part and measured against its neighbours. */
export interface EmphasisWordReport {
  /** The marked text, as in the script. */
  word: string;
  partIndex: number;
  /** Where the word sounds (null when not located). */
  startSec: number | null;
  endSec: number | null;
  /** Timed by the syllable nuclei of its part, or proportionally by syllables (null when not located). */
  located: 'nuclei' | 'proportional' | null;
  /** F0 peak (p90) of the word − median F0 of its neighbours, semitones. */
  pitchGainSt: number | null;
  /** RMS level of the word − its neighbours', dB. */
  levelGainDb: number | null;
  /** Duration per syllable of the word ÷ its neighbours' (null when timed proportionally within its part). */
  durationRatio: number | null;
  status: EmphasisStatus;
}

/** The full analysis of one recording. */
export interface AnalysisReport {
  analysisVersion: string;
  durationSec: number;
  sampleRateHz: number;
  channels: number;
  lang: Lang;
  speechFound: boolean;
  noSpeechReason: string | null;
  speech: {
    startSec: number | null;
    endSec: number | null;
    spanSec: number | null;
    soundingSec: number | null;
    pauseCount: number;
    longestPauseSec: number | null;
    pauses: { startSec: number; endSec: number }[];
  };
  rate: {
    syllables: number | null;
    syllablesSource: 'script' | 'estimate';
    /**
     * How `syllables` was counted: SCRIPT_SYLLABLES_METHOD for a script (script.ts), NUCLEI_SYLLABLES_METHOD
     * for the estimate (rate.ts); null in a report from an analysis that did not name it.
     */
    syllablesMethod: string | null;
    /** Syllable nuclei found in the audio (always the estimate). */
    nuclei: number | null;
    /** Time of each of those nuclei, s (empty without speech; the TextGrid export draws them). */
    nucleiSec: number[];
    words: number | null;
    syllablesPerSec: number | null;
    articulationSyllablesPerSec: number | null;
    perMinute: number | null;
    perMinuteUnit: 'chars/min' | 'wpm';
  };
  loudness: {
    activeLevelDbfs: number | null;
    peakDbfs: number | null;
    clippedFraction: number;
    noiseFloorDbfs: number | null;
    snrDb: number | null;
    phraseLevelSdDb: number | null;
    finalDropDb: number | null;
  };
  /** PitchStats plus the adapted search range of the second pass and its F0 track. */
  pitch: PitchStats & {
    floorHz: number | null;
    ceilingHz: number | null;
    /**
     * F0 in Hz of the speaker-adaptive second pass (the track the statistics above are taken from, over
     * the whole file), null where unvoiced; all null when there was no second pass (no speech, or < 3
     * voiced frames in the first). Null only in a report restored from analysis < 1.3.0: re-analyse to draw it.
     */
    track: TimeTrack | null;
  };
  /** The loudness envelope the review draws. */
  intensity: {
    /**
     * The segmentation's intensity contour (dBFS, 64 ms window, 8 ms hop) interpolated linearly onto the
     * grid, held at its first/last frame beyond them; all null when the file is shorter than one window.
     * Null only in a report restored from analysis < 1.3.0.
     */
    track: TimeTrack | null;
  };
  /** Voice quality over voiced speech: spectral brightness for the experimental warmth guideline. */
  timbre: { brightnessHz: number | null };
  phrases: PhraseReport[];
  parts: ScriptPartReport[];
  /** The script's marked words in script order (empty without marked words). */
  emphasis: EmphasisWordReport[];
  verdicts: Verdict[];
  /** What makes some numbers of this report misleading (e.g. a script covering part of the speech). */
  warnings: AnalysisWarning[];
}

/** A named report, as the CLI prints it. */
export type FileReport = { file: string } & AnalysisReport;
