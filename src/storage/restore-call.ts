/**
 * restoreCall: every stored call record passes through here and is checked against CallRecord
 * (call-records.ts), or refused with a StorageError ('corrupt', or 'newer-version' for a record written
 * by a newer app) — never silently misread. Notes the agent added later are completed when missing.
 */
import { StorageError } from './errors.ts';
import { CALL_SCHEMA_VERSION, type AgentChannel, type CallBookmark, type CallGreetingRecord, type CallRecord, type CallReflection } from './call-records.ts';

type Raw = Record<string, unknown>;

const asObject = (x: unknown): Raw | null => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Raw) : null);
const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const AGENT_CHANNELS: readonly AgentChannel[] = ['left', 'right', 'mono'];

function reflectionOf(x: unknown): CallReflection | null {
  const r = asObject(x);
  if (r === null) return null;
  return { happened: text(r.happened) ?? '', felt: text(r.felt) ?? '', nextTime: text(r.nextTime) ?? '', updatedAt: finite(r.updatedAt) ?? 0 };
}

function bookmarksOf(x: unknown): CallBookmark[] {
  if (!Array.isArray(x)) return [];
  return x.flatMap((b) => {
    const r = asObject(b);
    const id = text(r?.id);
    const atSec = finite(r?.atSec);
    if (r === null || !id || atSec === null) return [];
    return [{ id, atSec, note: text(r.note) ?? '', createdAt: finite(r.createdAt) ?? 0 }];
  });
}

/** A mono call's speaker corrections, the malformed ones dropped (none stored: []). */
function correctionsOf(x: unknown): NonNullable<CallRecord['speakerCorrections']> {
  if (!Array.isArray(x)) return [];
  return x.flatMap((c) => {
    const r = asObject(c);
    const startSec = finite(r?.startSec);
    const endSec = finite(r?.endSec);
    if (r === null || startSec === null || endSec === null || endSec <= startSec || (r.speaker !== 0 && r.speaker !== 1)) return [];
    return [{ startSec, endSec, speaker: r.speaker }];
  });
}

function peaksLookRight(x: unknown): boolean {
  const p = asObject(x);
  return p !== null && finite(p.peaksPerSec) !== null && Array.isArray(p.channels)
    && p.channels.every((c) => asObject(c)?.min instanceof Float32Array && asObject(c)?.max instanceof Float32Array);
}

function reportLooksRight(x: unknown): boolean {
  const r = asObject(x);
  return r !== null && Array.isArray(r.turns) && Array.isArray(r.findings) && asObject(r.talkShare) !== null && finite(r.durationSec) !== null;
}

function greetingReportLooksRight(x: unknown): boolean {
  const r = asObject(x);
  return r !== null && Array.isArray(r.verdicts) && Array.isArray(r.parts) && typeof r.speechFound === 'boolean' && finite(r.durationSec) !== null;
}

function baselineOf(x: unknown): CallGreetingRecord['baseline'] {
  const b = asObject(x);
  const medianHz = finite(b?.medianHz);
  const activeLevelDbfs = finite(b?.activeLevelDbfs);
  if (b === null || medianHz === null || activeLevelDbfs === null) return null;
  return { medianHz, activeLevelDbfs, brightnessHz: finite(b.brightnessHz) };
}

/** The stored greeting, or null when there is none or it does not look like one (the call itself is still shown). */
function greetingOf(x: unknown): CallGreetingRecord | null {
  const g = asObject(x);
  if (g === null) return null;
  const [startSec, endSec, sliceStartSec] = [g.startSec, g.endSec, g.sliceStartSec].map(finite);
  const drillId = text(g.drillId);
  const script = text(g.script);
  if (!drillId || script === null || startSec === null || endSec === null || sliceStartSec === null || endSec < startSec || !greetingReportLooksRight(g.report)) return null;
  return { drillId, script, startSec, endSec, sliceStartSec, report: g.report as CallGreetingRecord['report'], baseline: baselineOf(g.baseline) };
}

/** Check a stored call; throws StorageError 'corrupt' or 'newer-version'. */
export function restoreCall(raw: unknown): CallRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored call is not a record, so it was left untouched.');
  const id = text(r.id);
  const what = id ? `call "${id}"` : 'call';
  const version = r.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > CALL_SCHEMA_VERSION) {
    throw new StorageError('newer-version', `The ${what} was saved by a newer version of VoiceDrill (call schema ${version}; this version reads up to ${CALL_SCHEMA_VERSION}). Reload the page to update the app; nothing was changed.`);
  }
  const agentChannel = AGENT_CHANNELS.find((c) => c === r.agentChannel);
  const lang = r.lang === 'zh' || r.lang === 'en' ? r.lang : null;
  const numbers = [r.createdAt, r.fileBytes, r.durationSec, r.sampleRateHz, r.channelCount, r.audioBytes].map(finite);
  if (version !== CALL_SCHEMA_VERSION || !id || text(r.fileName) === null || numbers.includes(null) || agentChannel === undefined || lang === null
    || typeof r.keepAudio !== 'boolean' || !reportLooksRight(r.report) || !peaksLookRight(r.peaks)) {
    throw new StorageError('corrupt', `The ${what} is incomplete, so it was left untouched.`);
  }
  const record = r as unknown as CallRecord;
  return {
    ...record,
    mimeType: text(r.mimeType) ?? '',
    analysisVersion: text(r.analysisVersion) ?? '',
    reflection: reflectionOf(r.reflection),
    bookmarks: bookmarksOf(r.bookmarks),
    drillIds: Array.isArray(r.drillIds) ? r.drillIds.filter((d): d is string => typeof d === 'string') : [],
    speakerCorrections: correctionsOf(r.speakerCorrections),
    // Absent (stored before greetings were scored) stays absent, so the call page can offer to score it.
    ...(r.greeting === undefined ? {} : { greeting: greetingOf(r.greeting) }),
  };
}
