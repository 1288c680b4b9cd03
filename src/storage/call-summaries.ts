/**
 * Call summaries: the few fields of a call that the Calls list and the storage total read, kept in their
 * own table so listing does not read every call's report and timeline peaks (~3 MB for 60 minutes).
 * summariseCall() derives one from the full record; calls.ts writes it in the transaction that writes the
 * record; restoreCallSummary() checks a stored one in the style of restore-call.ts.
 */
import type { Transaction } from 'dexie';
import type { TalkShare } from '../analysis/index.ts';
import { CALL_FINDING_IDS, type CallFindingId } from '../guidelines/call-rules.ts';
import type { AgentChannel, CallRecord } from './call-records.ts';
import type { VoiceDrillDb } from './db.ts';
import { StorageError } from './errors.ts';
import { restoreCall } from './restore-call.ts';
import { restoreReadable } from './restore.ts';

/** Version of CallSummaryRecord's shape; restore refuses anything newer. */
export const CALL_SUMMARY_SCHEMA_VERSION = 1;

/** What the Calls list and the storage total show of one call. */
export interface CallSummaryRecord {
  schemaVersion: number;
  id: string;
  /** ms since epoch of the import. */
  createdAt: number;
  fileName: string;
  fileBytes: number;
  durationSec: number;
  agentChannel: AgentChannel;
  lang: 'zh' | 'en';
  analysisVersion: string;
  keepAudio: boolean;
  /** Bytes of audio stored for this call (0 for analysis only). */
  audioBytes: number;
  talkShare: TalkShare;
  /** agent ÷ customer pace over the call, or null when either was not measured. */
  paceRatio: number | null;
  findingCount: number;
  /** Flagged moments by finding id (ids with none are left out). */
  findingCounts: Partial<Record<CallFindingId, number>>;
  bookmarkCount: number;
  drillCount: number;
  hasReflection: boolean;
}

/** The summary of a call, as stored beside it. */
export function summariseCall(call: CallRecord): CallSummaryRecord {
  const findingCounts: Partial<Record<CallFindingId, number>> = {};
  for (const f of call.report.findings) findingCounts[f.id] = (findingCounts[f.id] ?? 0) + 1;
  return {
    schemaVersion: CALL_SUMMARY_SCHEMA_VERSION,
    id: call.id,
    createdAt: call.createdAt,
    fileName: call.fileName,
    fileBytes: call.fileBytes,
    durationSec: call.durationSec,
    agentChannel: call.agentChannel,
    lang: call.lang,
    analysisVersion: call.analysisVersion,
    keepAudio: call.keepAudio,
    audioBytes: call.keepAudio ? call.audioBytes : 0,
    talkShare: { ...call.report.talkShare },
    paceRatio: call.report.pace.ratio ?? null,
    findingCount: call.report.findings.length,
    findingCounts,
    bookmarkCount: call.bookmarks.length,
    drillCount: call.drillIds.length,
    hasReflection: call.reflection !== null,
  };
}

type Raw = Record<string, unknown>;
const asObject = (x: unknown): Raw | null => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Raw) : null);
const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const TALK_SHARE_KEYS = ['agentSec', 'customerSec', 'overlapSec', 'silenceSec', 'agentFraction', 'customerFraction', 'overlapFraction', 'silenceFraction'] as const;

function talkShareOf(x: unknown): TalkShare | null {
  const s = asObject(x);
  if (s === null || TALK_SHARE_KEYS.some((k) => finite(s[k]) === null)) return null;
  return s as unknown as TalkShare;
}

function findingCountsOf(x: unknown): Partial<Record<CallFindingId, number>> {
  const r = asObject(x) ?? {};
  const out: Partial<Record<CallFindingId, number>> = {};
  for (const id of CALL_FINDING_IDS) {
    const n = finite(r[id]);
    if (n !== null && n > 0) out[id] = n;
  }
  return out;
}

/** Check a stored call summary; throws StorageError 'corrupt' or 'newer-version'. */
export function restoreCallSummary(raw: unknown): CallSummaryRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored call summary is not a record, so it was left untouched.');
  const id = typeof r.id === 'string' && r.id !== '' ? r.id : null;
  const what = id ? `summary of call "${id}"` : 'call summary';
  const version = r.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > CALL_SUMMARY_SCHEMA_VERSION) {
    throw new StorageError('newer-version', `The ${what} was saved by a newer version of VoiceDrill (summary schema ${version}; this version reads up to ${CALL_SUMMARY_SCHEMA_VERSION}). Reload the page to update the app; nothing was changed.`);
  }
  const numbers = [r.createdAt, r.fileBytes, r.durationSec, r.audioBytes, r.findingCount].map(finite);
  const talkShare = talkShareOf(r.talkShare);
  if (version !== CALL_SUMMARY_SCHEMA_VERSION || id === null || typeof r.fileName !== 'string' || numbers.includes(null) || talkShare === null
    || !['left', 'right', 'mono'].includes(r.agentChannel as string) || (r.lang !== 'zh' && r.lang !== 'en') || typeof r.keepAudio !== 'boolean') {
    throw new StorageError('corrupt', `The ${what} is incomplete, so it was left untouched.`);
  }
  const summary = r as unknown as CallSummaryRecord;
  return {
    ...summary,
    analysisVersion: typeof r.analysisVersion === 'string' ? r.analysisVersion : '',
    paceRatio: finite(r.paceRatio),
    findingCounts: findingCountsOf(r.findingCounts),
    bookmarkCount: finite(r.bookmarkCount) ?? 0,
    drillCount: finite(r.drillCount) ?? 0,
    hasReflection: r.hasReflection === true,
  };
}

/** Write the summary of a call (call inside the transaction that writes the record). */
export async function putCallSummary(db: VoiceDrillDb, call: CallRecord): Promise<void> {
  await db.callSummaries.put(summariseCall(call));
}

/** Every readable call's summary, newest first, in one request; a newer-version row refuses the list. */
export async function listCallSummaries(db: VoiceDrillDb): Promise<CallSummaryRecord[]> {
  const rows = await db.callSummaries.orderBy('createdAt').reverse().toArray();
  return restoreReadable(rows, restoreCallSummary);
}

/** The v4 → v5 upgrade: a summary for every readable call (an unreadable call gets none and is left untouched). */
export async function summariseStoredCalls(tx: Transaction): Promise<void> {
  const summaries: CallSummaryRecord[] = [];
  // One record at a time: a database of long calls is not held in memory at once.
  await tx.table('calls').toCollection().each((raw: unknown) => {
    try {
      summaries.push(summariseCall(restoreCall(raw)));
    } catch (e) {
      if (!(e instanceof StorageError)) throw e;
    }
  });
  await tx.table('callSummaries').bulkPut(summaries);
}
