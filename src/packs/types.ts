/**
 * Trainer packs and agents' results files: the shapes that travel between a trainer's and an agent's
 * machines as files and links (issue 12). Everything here arrives from outside the app's code and is
 * validated before use (pack-schema.ts, results-schema.ts); nothing in these shapes is HTML.
 *
 * Containers:
 *  - pack file (`.vdpack`): a zip (zip.ts) holding `pack.json` (a PackJson) and, per drill with a model recording,
 *    `models/<drillId>.wav` (16-bit PCM mono WAV). The receiving app analyses the model WAV itself with the
 *    drill's bands: no analysis report travels (an untrusted report would have to be trusted).
 *  - pack link: `<app url>#/pack/<payload>`; payload = base64url(deflate-raw(UTF-8 JSON of PackJson)) (link.ts),
 *    never sent anywhere (a URL fragment stays in the browser). Models do not travel in a link.
 *  - results file (`.vdresults`): a zip holding `results.json` (a ResultsJson) and, when the agent ticked
 *    "include audio", `audio/<takeId>.wav` per take.
 */
import type { Drill } from '../drills/types.ts';
import type { GuidelineId, Lang, VerdictStatus } from '../guidelines/ids.ts';

/** `format` field of pack.json. */
export const PACK_FORMAT = 'voicedrill-pack';
/** Version of PackJson's shape; readers refuse newer. */
export const PACK_SCHEMA_VERSION = 1;
/** `format` field of results.json. */
export const RESULTS_FORMAT = 'voicedrill-results';
/** Version of ResultsJson's shape; readers refuse newer. */
export const RESULTS_SCHEMA_VERSION = 1;

/** Size limits for untrusted input (bytes unless named otherwise). */
export const PACK_LIMITS = {
  /** A pack file on disk (zip, models included). */
  packFileBytes: 64 * 1024 * 1024,
  /** pack.json uncompressed. */
  packJsonBytes: 1024 * 1024,
  /** One model WAV uncompressed (≈ 5 min of 16 kHz 16-bit mono). */
  modelWavBytes: 10 * 1024 * 1024,
  /** The payload part of a link (characters). */
  linkChars: 64 * 1024,
  /** Drills in one pack. */
  drills: 100,
  /** Entries in a zip container. */
  zipEntries: 400,
  /** A results file on disk (zip, audio included). */
  resultsFileBytes: 256 * 1024 * 1024,
  /** results.json uncompressed. */
  resultsJsonBytes: 8 * 1024 * 1024,
  /** One take's WAV inside a results file. */
  takeWavBytes: 20 * 1024 * 1024,
  /** Takes in one results file. */
  takes: 5000,
  /** Characters of a note to the agent. */
  notesChars: 1000,
  /** Characters of a pack title or author. */
  titleChars: 200,
} as const;

/** The largest link payload drawn as a QR code (byte mode, error correction level L, version 40 holds 2953 bytes). */
export const QR_MAX_LINK_CHARS = 2900;

/** One drill as a trainer assigns it. */
export interface PackDrill {
  /** The drill (parseDrill-valid; builtIn false; its own id and version; bands complete after parsing). */
  drill: Drill;
  /** Takes the agent must complete (1–50). */
  attemptsRequired: number;
  /** Due date as `YYYY-MM-DD` (the agent's local day), or null. */
  dueDate: string | null;
  /** Notes to the agent, plain text (≤ PACK_LIMITS.notesChars); '' for none. */
  notes: string;
  /** Stretches of the script to say slowly: each a substring of the drill's template, shown as a cue (display only). */
  slowSpans: string[];
  /** True when the pack file carries `models/<drill.id>.wav` (always false after reading a link). */
  hasModel: boolean;
}

/** pack.json. */
export interface PackJson {
  format: typeof PACK_FORMAT;
  schemaVersion: number;
  /** Pack id: 1–64 of [a-z0-9-], starting with a letter or digit. */
  id: string;
  /** Whole number ≥ 1; a newer version replaces the drills of an older one on import. */
  version: number;
  title: string;
  author: string;
  /** ISO 8601 time the trainer exported this version. */
  createdAt: string;
  drills: PackDrill[];
}

/** A pack read from a file or link, validated, with its model recordings (file form only). */
export interface ReadPack {
  pack: PackJson;
  /** Model WAV bytes by drill id (empty for a link). */
  models: Map<string, Uint8Array>;
  /** 'server': pulled from the team sync server (issue 13), which carries no model recordings. */
  source: 'file' | 'link' | 'server';
}

/** What a reader returns: the value, or one sentence saying what is wrong (nothing was changed). */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** One guideline value of a take, as the agent's stored report holds it. */
export interface ResultVerdict {
  guideline: GuidelineId;
  value: number | null;
  unit: string;
  status: VerdictStatus;
}

/** The agent's take compared with the drill's model take (null when the drill has no model). */
export interface ModelComparison {
  /** Agent's speaking rate ÷ model's. */
  rateRatio: number | null;
  /** Agent's pitch variety ÷ model's. */
  pitchVarietyRatio: number | null;
  /** Median absolute difference of the aligned pitch contours, semitones (each relative to its own median). */
  contourDistanceSt: number | null;
}

/** One take in a results file. */
export interface ResultTake {
  takeId: string;
  drillId: string;
  /** The version of the drill the take was recorded on. */
  drillVersion: number;
  /** ISO 8601. */
  createdAt: string;
  analysisVersion: string;
  lang: Lang;
  durationSec: number | null;
  speechFound: boolean;
  verdicts: ResultVerdict[];
  model: ModelComparison | null;
  /** True when `audio/<takeId>.wav` is in the same results file. */
  hasAudio: boolean;
}

/** A drill of the pack as the results file repeats it, so a roster can be built from results files alone. */
export interface ResultPackDrill {
  id: string;
  version: number;
  title: Readonly<Record<'zh-CN' | 'en', string>>;
  attemptsRequired: number;
  dueDate: string | null;
}

/** results.json. */
export interface ResultsJson {
  format: typeof RESULTS_FORMAT;
  schemaVersion: number;
  /** A random id of the agent's installation (kept in the profile) and the agent's name as typed there. */
  agent: { id: string; name: string };
  pack: { id: string; version: number; title: string; author: string; drills: ResultPackDrill[] };
  /** ISO 8601. */
  exportedAt: string;
  takes: ResultTake[];
}

/** A results file read and validated, with take audio by take id when included. */
export interface ReadResults {
  results: ResultsJson;
  audio: Map<string, Uint8Array>;
}

/** One cell of the roster: one agent on one drill (roster.ts builds them from results). */
export interface RosterCell {
  agentId: string;
  agentName: string;
  packId: string;
  drillId: string;
  drillTitle: Readonly<Record<'zh-CN' | 'en', string>>;
  attempts: number;
  attemptsRequired: number;
  dueDate: string | null;
  /** Fewer attempts than required and the due date has passed (by the `today` given). */
  overdue: boolean;
  complete: boolean;
  /** Per guideline: the latest take's verdict, the best one (nearest the good band, then latest), and the values over attempts, oldest first. */
  guidelines: Array<{ guideline: GuidelineId; latest: ResultVerdict | null; best: ResultVerdict | null; trend: Array<number | null> }>;
  /** The latest take's comparison with the model take. */
  latestModel: ModelComparison | null;
  /** Take ids, oldest first (drill-down). */
  takeIds: string[];
}
