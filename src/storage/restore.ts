/**
 * restore: every record read from the database passes through here, is migrated to the current
 * shape (SCHEMA_VERSION) and normalised, or is refused with a StorageError — never silently misread.
 *
 * Schema 0 is the shape before records were versioned (no `schemaVersion`): `createdAt` in epoch
 * milliseconds, `sampleRate` and `duration` without units, `lang` for the profile's script language,
 * no status. Partial records (fields missing) are completed with what can be known: no status means
 * 'analysed' with a report, else 'recorded'; a length that was never stored stays null (unknown: the
 * audio's length is the answer); a report that does not look like a report is dropped (the audio is
 * kept, so it can be re-analysed). Records this version writes are always complete.
 *
 * Schema 1 → 2: a take gains `incomplete` and `countAnyway` (false unless stored: schema 1 did not mark
 * recovered takes); the profile's one name and company become the fill of both script languages.
 *
 * A report from before analysis 1.3.0 has no time tracks (pitch.track, intensity.track): they are
 * restored as null, never guessed, and needsReanalysis says the take must be analysed again before
 * the review can draw them. A track that is there but malformed is restored as null in the same way.
 */
import type { AnalysisReport, Lang, TimeTrack } from '../analysis/index.ts';
import { ANALYSIS_VERSION } from '../analysis/report.ts';
import { parseDrill } from '../drills/schema.ts';
import type { UiLang } from '../i18n/ui-lang.ts';
import { StorageError } from './errors.ts';
import {
  SCHEMA_VERSION, SUMMARY_SCHEMA_VERSION, TAKE_STATUSES, type ProfileRecord, type ScriptFill, type StoredBaseline, type SummaryVerdict, type TakeRecord,
  type TakeStatus, type TakeSummaryRecord,
} from './records.ts';

type Raw = Record<string, unknown>;

function asObject(x: unknown): Raw | null {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Raw) : null;
}

const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function isoTime(x: unknown): string | null {
  if ((typeof x === 'string' && x.trim() !== '') || typeof x === 'number') {
    const d = new Date(x);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  return null;
}

// Schema version of a record: missing → 0; anything but a whole number ≥ 0 cannot be trusted.
function schemaVersionOf(r: Raw, what: string, newest = SCHEMA_VERSION): number {
  const v = r.schemaVersion;
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new StorageError('corrupt', `The ${what} has an unreadable schema version (${String(v)}), so it was left untouched.`);
  }
  if (v > newest) {
    throw new StorageError('newer-version', `The ${what} was saved by a newer version of VoiceDrill (schema ${v}; this version reads up to ${newest}). Reload the page to update the app; nothing was changed.`);
  }
  return v;
}

/** True when a value has the shape of an AnalysisReport (enough to show it without misreading). */
export function looksLikeReport(x: unknown): x is AnalysisReport {
  const r = asObject(x);
  return r !== null && typeof r.analysisVersion === 'string' && typeof r.speechFound === 'boolean'
    && Array.isArray(r.verdicts) && Array.isArray(r.parts) && Array.isArray(r.phrases)
    && asObject(r.speech) !== null && asObject(r.rate) !== null && asObject(r.loudness) !== null && asObject(r.pitch) !== null
    && finite(r.durationSec) !== null && finite(r.sampleRateHz) !== null;
}

// A stored time track, or null when absent (analysis < 1.3.0) or not the shape TimeTrack documents.
function timeTrackOrNull(x: unknown): TimeTrack | null {
  const t = asObject(x);
  if (t === null || !Array.isArray(t.values)) return null;
  const hopSec = finite(t.hopSec);
  if (hopSec === null || hopSec <= 0 || finite(t.startSec) === null) return null;
  return t.values.every((v) => v === null || finite(v) !== null) ? (t as unknown as TimeTrack) : null;
}

// The report with its tracks checked: unchanged (the same object) when both are readable, else a copy
// with the unreadable or missing ones null, `intensity` in its canonical place after `pitch`.
function withTracks(report: AnalysisReport): AnalysisReport {
  const raw = report as unknown as Raw;
  const pitch = raw.pitch as Raw;
  const intensity = asObject(raw.intensity);
  const pitchTrack = timeTrackOrNull(pitch.track);
  const intensityTrack = timeTrackOrNull(intensity?.track);
  if (pitchTrack !== null && intensityTrack !== null) return report;
  const out: Raw = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'intensity') continue;
    out[key] = key === 'pitch' ? { ...pitch, track: pitchTrack } : value;
    if (key === 'pitch') out.intensity = { ...intensity, track: intensityTrack };
  }
  return out as unknown as AnalysisReport;
}

function inferStatus(given: unknown, report: AnalysisReport | null): TakeStatus {
  const status = TAKE_STATUSES.find((s) => s === given);
  if (status === 'failed' || status === 'recording') return status;
  // 'analysed' without a readable report: the audio is there, so it is 'recorded' and can be re-analysed.
  return report !== null ? 'analysed' : 'recorded';
}

/** Migrate and normalise a stored take; throws StorageError 'newer-version' or 'corrupt'. */
export function restoreTake(raw: unknown): TakeRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored take is not a record, so it was left untouched.');
  const id = text(r.id);
  const what = id ? `take "${id}"` : 'take';
  const version = schemaVersionOf(r, what);
  if (!id) throw new StorageError('corrupt', 'A stored take has no id, so it was left untouched.');
  const parsedDrill = r.drill === undefined || r.drill === null ? null : parseDrill(r.drill);
  const drill = parsedDrill?.ok ? parsedDrill.drill : null;
  const drillId = text(r.drillId) || drill?.id;
  if (!drillId) throw new StorageError('corrupt', `The ${what} does not say which drill it belongs to, so it was left untouched.`);
  const sampleRateHz = finite(version === 0 ? r.sampleRateHz ?? r.sampleRate : r.sampleRateHz);
  if (sampleRateHz === null || sampleRateHz <= 0) {
    throw new StorageError('corrupt', `The ${what} has no sample rate, so its audio cannot be read; it was left untouched.`);
  }
  const report = looksLikeReport(r.report) ? withTracks(r.report) : null;
  const storedDurationSec = finite(version === 0 ? r.durationSec ?? r.duration : r.durationSec);
  const durationSec = storedDurationSec !== null && storedDurationSec >= 0 ? storedDurationSec : report?.durationSec ?? null;
  const status = inferStatus(r.status, report);
  const name = text(r.name)?.trim() || null;
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    drillId,
    drill,
    script: text(r.script) ?? '',
    // A take that never said when it was made sorts first rather than being dropped.
    createdAt: isoTime(r.createdAt) ?? new Date(0).toISOString(),
    status,
    sampleRateHz,
    durationSec: status === 'recording' ? null : durationSec,
    report,
    analysisVersion: report?.analysisVersion ?? null,
    name,
    failure: status === 'failed' ? text(r.failure) ?? 'The take failed for a reason that was not recorded.' : null,
    incomplete: r.incomplete === true,
    countAnyway: r.countAnyway === true,
  };
}

const VERDICT_STATUSES = ['low', 'borderline', 'good', 'high', 'unmeasured'] as const;

function restoreSummaryVerdict(x: unknown): SummaryVerdict | null {
  const v = asObject(x);
  const guideline = text(v?.guideline);
  const unit = text(v?.unit);
  const status = VERDICT_STATUSES.find((s) => s === v?.status);
  if (v === null || !guideline || unit === null || status === undefined) return null;
  const b = asObject(v.band);
  const band = b === null ? null : { goodMin: finite(b.goodMin), goodMax: finite(b.goodMax) };
  return {
    guideline: guideline as SummaryVerdict['guideline'],
    value: finite(v.value),
    unit,
    status,
    band: band && (band.goodMin !== null || band.goodMax !== null) ? band : null,
  };
}

/** Check and normalise a stored take summary; throws StorageError 'newer-version' or 'corrupt' (like restoreTake). */
export function restoreSummary(raw: unknown): TakeSummaryRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored take summary is not a record, so it was left untouched.');
  const id = text(r.id);
  const what = id ? `summary of take "${id}"` : 'take summary';
  const version = schemaVersionOf(r, what, SUMMARY_SCHEMA_VERSION);
  const drillId = text(r.drillId);
  const createdAt = isoTime(r.createdAt);
  const status = TAKE_STATUSES.find((s) => s === r.status);
  // Summaries are only ever written by this code (version ≥ 1): anything incomplete is not trusted.
  if (version < 1 || !id || !drillId || createdAt === null || status === undefined || !Array.isArray(r.verdicts)) {
    throw new StorageError('corrupt', `The ${what} is incomplete, so it was left untouched.`);
  }
  const title = asObject(r.drillTitle);
  const zh = text(title?.['zh-CN']);
  const en = text(title?.en);
  const lang = r.lang === 'zh' || r.lang === 'en' ? r.lang : null;
  const perMinuteUnit = r.perMinuteUnit === 'chars/min' || r.perMinuteUnit === 'wpm' ? r.perMinuteUnit : null;
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    id,
    drillId,
    drillTitle: zh !== null && en !== null ? { 'zh-CN': zh, en } : null,
    createdAt,
    status,
    analysisVersion: text(r.analysisVersion),
    name: text(r.name)?.trim() || null,
    durationSec: finite(r.durationSec),
    lang,
    perMinuteUnit,
    speechFound: typeof r.speechFound === 'boolean' ? r.speechFound : null,
    incomplete: r.incomplete === true,
    countAnyway: r.countAnyway === true,
    verdicts: r.verdicts.map(restoreSummaryVerdict).filter((v): v is SummaryVerdict => v !== null),
  };
}

function restoreBaseline(x: unknown): StoredBaseline | null {
  const b = asObject(x);
  if (b === null) return null;
  const medianHz = finite(b.medianHz);
  const activeLevelDbfs = finite(b.activeLevelDbfs);
  if (medianHz === null || medianHz <= 0 || activeLevelDbfs === null) return null;
  const brightnessHz = finite(b.brightnessHz);
  return {
    medianHz,
    activeLevelDbfs,
    // Only when measured: older calibrations did not keep it, and warmth then stays unmeasured.
    ...(brightnessHz !== null && brightnessHz > 0 ? { brightnessHz } : {}),
    recordedAt: isoTime(b.recordedAt),
    analysisVersion: text(b.analysisVersion),
  };
}

function fillOf(x: unknown): ScriptFill | null {
  const f = asObject(x);
  return f === null ? null : { name: text(f.name)?.trim() ?? '', company: text(f.company)?.trim() ?? '' };
}

// Schema 2 keeps a fill per script language; older profiles had one name and company, used for both.
function fillsOf(r: Raw, version: number): Record<Lang, ScriptFill> {
  const single: ScriptFill = { name: text(r.name)?.trim() ?? '', company: text(r.company)?.trim() ?? '' };
  const given = version >= 2 ? asObject(r.fills) : null;
  return { zh: fillOf(given?.zh) ?? single, en: fillOf(given?.en) ?? single };
}

function uiLangOf(x: unknown): UiLang | null {
  const s = text(x)?.toLowerCase() ?? '';
  if (s.startsWith('zh')) return 'zh-CN';
  if (s.startsWith('en')) return 'en';
  return null;
}

function scriptLangOf(x: unknown): Lang | null {
  return x === 'zh' || x === 'en' ? x : null;
}

/** Migrate and normalise the stored profile; null when there is none; throws StorageError like restoreTake. */
export function restoreProfile(raw: unknown): ProfileRecord | null {
  if (raw === undefined || raw === null) return null;
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'The stored profile is not a record, so it was left untouched.');
  const version = schemaVersionOf(r, 'profile');
  const givenScriptLang = scriptLangOf(version === 0 ? r.scriptLang ?? r.lang : r.scriptLang);
  const givenUiLang = uiLangOf(r.uiLang);
  const uiLang: UiLang = givenUiLang ?? (givenScriptLang === 'zh' ? 'zh-CN' : 'en');
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'me',
    fills: fillsOf(r, version),
    scriptLang: givenScriptLang ?? (uiLang === 'zh-CN' ? 'zh' : 'en'),
    uiLang,
    baseline: restoreBaseline(r.baseline),
    // Kept only when it has the shape the results export makes; otherwise a new one is made at the next export.
    ...(typeof r.agentId === 'string' && /^[a-z0-9-]{1,64}$/.test(r.agentId) ? { agentId: r.agentId } : {}),
  };
}

/**
 * True when a take's numbers come from another analysis version, or its report lacks the time tracks
 * the review draws (analysis < 1.3.0), and should be recomputed from its audio.
 */
export function needsReanalysis(take: TakeRecord): boolean {
  if (take.report === null) return false;
  return take.analysisVersion !== ANALYSIS_VERSION || take.report.pitch.track === null || take.report.intensity.track === null;
}

/** True when a calibration was measured by another (or an unknown) analysis version. */
export function baselineIsStale(baseline: StoredBaseline): boolean {
  return baseline.analysisVersion !== ANALYSIS_VERSION;
}

/**
 * The readable rows of a list read from a table: a row `restore` finds corrupt is skipped (the rest of the
 * list still shows); a row from a newer app (or any other error) refuses the whole list.
 */
export function restoreReadable<T>(rows: readonly unknown[], restore: (raw: unknown) => T): T[] {
  const out: T[] = [];
  for (const raw of rows) {
    try {
      out.push(restore(raw));
    } catch (e) {
      if (e instanceof StorageError && e.kind === 'corrupt') continue;
      throw e;
    }
  }
  return out;
}
