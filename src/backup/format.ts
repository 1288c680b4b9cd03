/**
 * The backup manifest, format "voicedrill-backup" version 1 (takes), 2 (takes and calls) or 3 (also drills made
 * from calls, trainer packs with their model recordings, and the trainer's roster: pack-trainer.ts), and its
 * valibot schema. Take records are stored as the app stores them (TakeRecord) except that the drill snapshot is
 * replaced by `drillIndex` into `drills` (one copy per distinct snapshot). Call records (version 2) are
 * stored as the app stores them except their timeline peaks, which go in the data section as f32le bytes.
 * Objects are validated as loose objects: unknown extra fields pass through untouched, so nothing is
 * silently dropped.
 */
import * as v from 'valibot';
import { SCHEMA_VERSION, TAKE_STATUSES } from '../storage/index.ts';

/** The format id every backup manifest carries. */
export const BACKUP_FORMAT = 'voicedrill-backup';
/** The newest manifest version this app writes and reads: 2 adds `calls`, 3 the sections of TRAINER_SECTIONS. */
export const BACKUP_FORMAT_VERSION = 3;
/** The version written when a backup holds calls but none of the version 3 sections (what an app reading up to 2 imports). */
export const BACKUP_FORMAT_VERSION_CALLS = 2;
/**
 * The version written when a backup holds no calls: the takes-only layout of version 1, so an app that
 * reads only version 1 still imports it; one holding calls is version 2, which such an app calls newer
 * (rather than damaged: its data section is longer than the takes it knows).
 */
export const BACKUP_FORMAT_VERSION_TAKES_ONLY = 1;

/** How a chunk's samples are stored in the data section. */
export type ChunkEncoding = 's16le' | 'f32le';

/** Bytes per sample of each encoding. */
export const BYTES_PER_SAMPLE: Readonly<Record<ChunkEncoding, number>> = { s16le: 2, f32le: 4 };

const num = v.pipe(v.number(), v.finite());
const nullableNum = v.nullable(num);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const isoTime = v.pipe(v.string(), v.check((s) => !Number.isNaN(Date.parse(s)), 'must be a date and time'));
const interval = v.looseObject({ startSec: num, endSec: num });

const verdictSchema = v.looseObject({
  guideline: v.picklist(['rate', 'volume', 'effort', 'steadiness', 'pitchLevel', 'pitchVariety', 'pauses', 'emphasis', 'warmth']),
  value: nullableNum,
  unit: v.string(),
  status: v.picklist(['low', 'borderline', 'good', 'high', 'unmeasured']),
  band: v.nullable(v.looseObject({ goodMin: nullableNum, goodMax: nullableNum, lowBelow: nullableNum, highAbove: nullableNum })),
  adviceKey: v.string(),
});

/** An AnalysisReport as stored (the fields the app reads are checked; extra fields pass). */
export const reportSchema = v.looseObject({
  analysisVersion: v.pipe(v.string(), v.nonEmpty()),
  durationSec: num,
  sampleRateHz: num,
  channels: count,
  lang: v.picklist(['zh', 'en']),
  speechFound: v.boolean(),
  noSpeechReason: v.nullable(v.string()),
  speech: v.looseObject({
    startSec: nullableNum, endSec: nullableNum, spanSec: nullableNum, soundingSec: nullableNum,
    pauseCount: count, longestPauseSec: nullableNum, pauses: v.array(interval),
  }),
  rate: v.looseObject({}),
  loudness: v.looseObject({}),
  pitch: v.looseObject({ medianHz: nullableNum }),
  phrases: v.array(v.looseObject({ startSec: num, endSec: num, activeLevelDbfs: nullableNum, medianHz: nullableNum })),
  parts: v.array(v.looseObject({
    index: count, text: v.string(), syllables: count, startSec: nullableNum, endSec: nullableNum, found: v.boolean(), pauseBeforeSec: nullableNum,
  })),
  verdicts: v.array(verdictSchema),
});

/** One take record in the manifest. */
export const takeEntrySchema = v.looseObject({
  schemaVersion: v.pipe(count, v.maxValue(SCHEMA_VERSION, 'was written by a newer version')),
  id: v.pipe(v.string(), v.nonEmpty()),
  drillId: v.pipe(v.string(), v.nonEmpty()),
  drillIndex: v.nullable(count),
  script: v.string(),
  createdAt: isoTime,
  status: v.picklist(TAKE_STATUSES),
  sampleRateHz: v.pipe(num, v.minValue(1)),
  durationSec: nullableNum,
  report: v.nullable(reportSchema),
  analysisVersion: v.nullable(v.string()),
  name: v.nullable(v.string()),
  failure: v.nullable(v.string()),
});

/** Where one audio chunk's bytes are in the data section. */
export const chunkEntrySchema = v.strictObject({
  seq: count,
  encoding: v.picklist(['s16le', 'f32le']),
  offset: count,
  bytes: count,
  samples: count,
  crc32: v.pipe(count, v.maxValue(0xffffffff)),
});

/** Where a run of bytes (a peaks track, a piece of a call's file) is in the data section. */
export const blobEntrySchema = v.strictObject({
  offset: count,
  bytes: count,
  crc32: v.pipe(count, v.maxValue(0xffffffff)),
});

/** One call in the manifest: its record without peaks (checked by restoreCall once the peaks are read), the peaks' places, and its kept file's pieces. */
export const callEntrySchema = v.looseObject({
  record: v.looseObject({ schemaVersion: count, id: v.pipe(v.string(), v.nonEmpty()) }),
  peaks: v.strictObject({ peaksPerSec: num, channels: v.array(v.strictObject({ min: blobEntrySchema, max: blobEntrySchema })) }),
  audio: v.array(v.strictObject({ index: count, ...blobEntrySchema.entries })),
});

const id = v.pipe(v.string(), v.nonEmpty());

/** One model recording in the manifest: its record without the WAV, which is in the data section. */
export const modelEntrySchema = v.strictObject({
  record: v.looseObject({ owner: v.picklist(['assigned', 'authored']), packId: id, drillId: id }),
  wav: blobEntrySchema,
});

/** One roster take in the manifest: its record without the audio, which (when the agent sent it) is in the data section. */
export const rosterTakeEntrySchema = v.strictObject({
  record: v.looseObject({ agentId: v.string(), takeId: v.string() }),
  audio: v.nullable(blobEntrySchema),
});

/**
 * The sections of version 3, each optional (absent when empty): records as the app stores them (checked by
 * storage's restore functions), the bytes of models and roster audio in the data section after the calls'.
 */
export const trainerSectionsSchema = {
  userDrills: v.optional(v.array(v.looseObject({ id }))),
  assignedPacks: v.optional(v.array(v.looseObject({ id }))),
  authoredPacks: v.optional(v.array(v.looseObject({ id }))),
  packModels: v.optional(v.array(modelEntrySchema)),
  rosterTakes: v.optional(v.array(rosterTakeEntrySchema)),
  rosterPacks: v.optional(v.array(v.looseObject({ agentId: v.string(), packId: v.string() }))),
};

/** The names of the version 3 sections. */
export const TRAINER_SECTIONS = Object.keys(trainerSectionsSchema) as (keyof typeof trainerSectionsSchema)[];

/** The whole manifest. */
export const manifestSchema = v.looseObject({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.picklist([BACKUP_FORMAT_VERSION_TAKES_ONLY, BACKUP_FORMAT_VERSION_CALLS, BACKUP_FORMAT_VERSION]),
  exportedAt: isoTime,
  app: v.looseObject({ analysisVersion: v.string(), schemaVersion: count }),
  dataBytes: count,
  profile: v.nullable(v.looseObject({ schemaVersion: v.pipe(count, v.maxValue(SCHEMA_VERSION, 'was written by a newer version')) })),
  drills: v.array(v.looseObject({ id: v.string() })),
  takes: v.array(v.looseObject({ record: takeEntrySchema, chunks: v.array(chunkEntrySchema) })),
  /** Absent in version 1. */
  calls: v.optional(v.array(callEntrySchema)),
  /** Absent in versions 1 and 2. */
  ...trainerSectionsSchema,
});

/** A manifest as written (see manifestSchema). */
export type Manifest = v.InferOutput<typeof manifestSchema>;
/** One take of a manifest. */
export type ManifestTake = Manifest['takes'][number];
/** One call of a manifest. */
export type ManifestCall = v.InferOutput<typeof callEntrySchema>;
/** One model recording of a manifest. */
export type ManifestModel = v.InferOutput<typeof modelEntrySchema>;
/** One roster take of a manifest. */
export type ManifestRosterTake = v.InferOutput<typeof rosterTakeEntrySchema>;
/** Where a run of bytes is in the data section. */
export type BlobEntry = v.InferOutput<typeof blobEntrySchema>;
/** One chunk entry of a manifest. */
export type ChunkEntry = v.InferOutput<typeof chunkEntrySchema>;

/** The first problems of a failed validation, as "path: message" sentences (English, for logs). */
export function validationProblems(issues: readonly v.BaseIssue<unknown>[], max = 3): string {
  return issues.slice(0, max).map((i) => `${v.getDotPath(i) ?? 'manifest'}: ${i.message}`).join('; ');
}
