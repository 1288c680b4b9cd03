/**
 * Take summaries: the few numbers of a take that History and Progress list (see TakeSummaryRecord).
 * summarise() derives one from the full take; listSummaries() reads them all in one request.
 * Writers call putSummary/deleteSummary inside the transaction that writes the take.
 */
import type { Verdict } from '../analysis/index.ts';
import { drillOfTake } from '../drills/builtin.ts';
import type { Drill } from '../drills/types.ts';
import { BAND_KEYS } from '../guidelines/band-overrides.ts';
import type { GuidelineBands } from '../guidelines/bands.ts';
import type { VoiceDrillDb } from './db.ts';
import { SUMMARY_SCHEMA_VERSION, type SummaryVerdict, type TakeRecord, type TakeSummaryRecord } from './records.ts';
import { takeOrder } from './order.ts';
import { restoreReadable, restoreSummary } from './restore.ts';


function drillBand(bands: GuidelineBands | undefined, v: Verdict): SummaryVerdict['band'] {
  // The guidelines whose drill band is a plain four-edge band (drill.bands[g]).
  const g = BAND_KEYS.find((x) => x === v.guideline);
  const own = g && bands ? bands[g] : undefined;
  // The drill's own band where it has one in the verdict's unit; else the band the analysis reported.
  const band = own && own.unit === v.unit ? own : v.band;
  return band && (band.goodMin !== null || band.goodMax !== null) ? { goodMin: band.goodMin, goodMax: band.goodMax } : null;
}

/** The summary of a take, as stored beside it. */
export function summarise(take: TakeRecord): TakeSummaryRecord {
  const drill: Drill | null = drillOfTake(take);
  const report = take.report;
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    id: take.id,
    drillId: take.drillId,
    drillTitle: drill ? { 'zh-CN': drill.title['zh-CN'], en: drill.title.en } : null,
    createdAt: take.createdAt,
    status: take.status,
    analysisVersion: take.analysisVersion,
    name: take.name,
    durationSec: take.durationSec,
    lang: report?.lang ?? drill?.lang ?? null,
    perMinuteUnit: report?.rate.perMinuteUnit ?? null,
    speechFound: report?.speechFound ?? null,
    incomplete: take.incomplete,
    countAnyway: take.countAnyway,
    verdicts: (report?.verdicts ?? []).map((v) => ({
      guideline: v.guideline, value: v.value, unit: v.unit, status: v.status, band: drillBand(drill?.bands, v),
    })),
  };
}

/** Write the summary of a take (call inside the transaction that writes the take). */
export async function putSummary(db: VoiceDrillDb, take: TakeRecord): Promise<void> {
  await db.takeSummaries.put(summarise(take));
}

/** Write the summaries of many takes (call inside the transaction that writes them). */
export async function putSummaries(db: VoiceDrillDb, takes: readonly TakeRecord[]): Promise<void> {
  if (takes.length > 0) await db.takeSummaries.bulkPut(takes.map(summarise));
}

/** Every take's summary, oldest first, in one request; unreadable rows are skipped, a newer-version row refuses the list. */
export async function listSummaries(db: VoiceDrillDb): Promise<TakeSummaryRecord[]> {
  return restoreSummaries(await db.takeSummaries.toArray());
}

/** The summaries of raw stored rows, oldest first (listSummaries, and the rows start-up read early: early-read.ts). */
export function restoreSummaries(rows: readonly unknown[]): TakeSummaryRecord[] {
  return restoreReadable(rows, restoreSummary).sort(takeOrder);
}
