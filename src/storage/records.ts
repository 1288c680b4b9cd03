/**
 * What is stored, and in which shape. Every record carries `schemaVersion`; results carry the
 * `analysisVersion` that produced their numbers, so old numbers are re-analysed, never misread.
 */
import type { AnalysisReport, GuidelineId, Lang, VerdictStatus } from '../analysis/index.ts';
import type { Drill } from '../drills/types.ts';
import type { UiLang } from '../i18n/ui-lang.ts';

/** Version of the record shapes below; restore.ts migrates anything older, refuses anything newer. */
export const SCHEMA_VERSION = 2;

/** Version of the take summary shape (TakeSummaryRecord); restore.ts refuses anything newer. */
export const SUMMARY_SCHEMA_VERSION = 1;

/** Name of the IndexedDB database. */
export const DB_NAME = 'voicedrill';

/** Life of a take: recording → recorded → analysed, or failed; 'recording' at start-up means interrupted. */
export type TakeStatus = 'recording' | 'recorded' | 'analysed' | 'failed';

/** Every take status. */
export const TAKE_STATUSES: readonly TakeStatus[] = ['recording', 'recorded', 'analysed', 'failed'];

/** The agent's calibration, with the analysis version that measured it. */
export interface StoredBaseline {
  medianHz: number;
  activeLevelDbfs: number;
  /** Spectral brightness of the neutral reading (for the experimental warmth verdict); absent in older records. */
  brightnessHz?: number | null;
  /** ISO 8601 time of the calibration reading; null when an old record did not say. */
  recordedAt: string | null;
  /** Null when an old record did not say: treat as stale and offer to calibrate again. */
  analysisVersion: string | null;
}

/** What a script's {name} and {company} are filled with, in one script language. */
export interface ScriptFill {
  name: string;
  company: string;
}

/** The agent's profile (one per device). */
export interface Profile {
  /** Name and company per script language (schema 2; schema 1 had one pair, restored into both). */
  fills: Record<Lang, ScriptFill>;
  /** Language of the scripts the agent practises. */
  scriptLang: Lang;
  uiLang: UiLang;
  baseline: StoredBaseline | null;
  /** A random id of this installation, made at the first results export (issue 12) and named in every results file; absent until then. */
  agentId?: string;
}

/** A stored profile row (single row, id 'me'). */
export interface ProfileRecord extends Profile {
  schemaVersion: number;
  id: 'me';
}

/** One recorded take. */
export interface TakeRecord {
  schemaVersion: number;
  id: string;
  drillId: string;
  /** The drill as it was when recorded (null when an old record did not keep it). */
  drill: Drill | null;
  /** The filled script that was read, markers kept: what the analysis is given. */
  script: string;
  /** ISO 8601 creation time; takes are ordered by it (then by id). */
  createdAt: string;
  status: TakeStatus;
  /** Sample rate of the stored PCM. */
  sampleRateHz: number;
  /** Counted by us from the PCM (browser WebM durations read as Infinity); null while recording, or unknown in an old record. */
  durationSec: number | null;
  /** The rounded analysis report, or null before analysis. */
  report: AnalysisReport | null;
  /** analysisVersion of `report` (null without a report). */
  analysisVersion: string | null;
  /** The agent's own name for the take (History → Rename); null for none. */
  name: string | null;
  /** Why the take failed (status 'failed'), as a sentence; null otherwise. */
  failure: string | null;
  /**
   * Recovered after an interruption, with only the audio saved before it: its scores are not comparable,
   * so it stays off the progress charts and the personal best unless the agent counts it (schema 2; older: false).
   */
  incomplete: boolean;
  /** The agent chose to count this incomplete take like a complete one. */
  countAnyway: boolean;
}

/** One guideline of a take summary: the stored verdict's value and status, and the good band to shade. */
export interface SummaryVerdict {
  guideline: GuidelineId;
  value: number | null;
  unit: string;
  status: VerdictStatus;
  /** The good range of the take's drill for this guideline (drill.bands, else the verdict's band); null when none. */
  band: { goodMin: number | null; goodMax: number | null } | null;
}

/**
 * The light copy of a take that lists and charts read (table takeSummaries, same id as the take):
 * written in the same transaction as every write of its take, never on its own.
 */
export interface TakeSummaryRecord {
  schemaVersion: number;
  id: string;
  drillId: string;
  /** The drill's title per UI language (null when the drill is unknown). */
  drillTitle: Readonly<Record<UiLang, string>> | null;
  createdAt: string;
  status: TakeStatus;
  analysisVersion: string | null;
  name: string | null;
  durationSec: number | null;
  /** Script language of the report (else of the drill); null when neither is known. */
  lang: Lang | null;
  perMinuteUnit: 'chars/min' | 'wpm' | null;
  /** Null without a report. */
  speechFound: boolean | null;
  /** The take's `incomplete` and `countAnyway` (whether an interrupted take counts). */
  incomplete: boolean;
  countAnyway: boolean;
  /** The report's verdicts (empty without a report). */
  verdicts: SummaryVerdict[];
}

/**
 * One chunk of PCM audio, mono, about 1 s. Stored as Int16 (half the space of Float32; 16-bit is the
 * precision of the WAV export). A chunk may also hold a Float32Array (older data, imports): the typed
 * array's own type says how to decode it.
 */
export interface AudioChunkRecord {
  takeId: string;
  seq: number;
  pcm: Int16Array | Float32Array;
}
