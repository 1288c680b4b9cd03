/**
 * A take stored by analysis 1.2.0 (tests/fixtures/take-record-analysis-1.2.0.json: the record shape of
 * src/storage/records.ts, its report made by the 1.2.0 CLI on tests/fixtures/synth/greeting-zh.wav)
 * is restored without misreading anything: no time tracks (null, so the review knows to re-analyse),
 * every stored number as it was, and it counts as needing re-analysis.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION, type AnalysisReport } from '../../src/analysis/index.ts';
import { needsReanalysis, openStore, restoreTake, SCHEMA_VERSION, type VoiceDrillStore } from '../../src/storage/index.ts';
import { makeReport } from './report-fixture.ts';
import { OLD_TAKE, type Raw } from '../helpers/old-take.ts';

const stored = OLD_TAKE;
const storedReport = stored.report as Raw;

const opened: VoiceDrillStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

describe('a take stored by analysis 1.2.0', () => {
  it('is the old shape the fixture claims (no tracks)', () => {
    expect(stored.analysisVersion).toBe('1.2.0');
    expect(storedReport.analysisVersion).toBe('1.2.0');
    expect('intensity' in storedReport).toBe(false);
    expect('track' in (storedReport.pitch as Raw)).toBe(false);
  });

  it('restores with null tracks and every stored value as it was', () => {
    const take = restoreTake(structuredClone(stored));
    expect(take).toMatchObject({
      schemaVersion: SCHEMA_VERSION, id: stored.id, drillId: 'zh-greeting3', script: stored.script, createdAt: stored.createdAt,
      status: 'analysed', sampleRateHz: 16000, durationSec: 5.4, analysisVersion: '1.2.0', name: null, failure: null,
    });
    expect(take.drill).toEqual(stored.drill);
    const report = take.report as AnalysisReport;
    expect(report.pitch.track).toBeNull();
    expect(report.intensity).toEqual({ track: null });
    // Apart from the null tracks, the report is the stored one, number for number, in the same key order.
    const { intensity: _intensity, ...rest } = report;
    const { track: _track, ...pitch } = report.pitch;
    expect({ ...rest, pitch }).toEqual(storedReport);
    const keys = Object.keys(storedReport);
    keys.splice(keys.indexOf('pitch') + 1, 0, 'intensity');
    expect(Object.keys(report)).toEqual(keys);
    expect(Object.keys(report.pitch)).toEqual([...Object.keys(storedReport.pitch as Raw), 'track']);
    expect(needsReanalysis(take)).toBe(true);
  });

  it('reads the same through the store, and is listed as outdated', async () => {
    const store = await openStore({ name: 'voicedrill-restore-1.2.0' });
    opened.push(store);
    await store.db.takes.put(structuredClone(stored) as never);
    const take = await store.getTake(stored.id as string);
    expect(take).toEqual(restoreTake(structuredClone(stored)));
    expect((await store.listTakes()).map((t) => t.id)).toEqual([stored.id]);
    expect(take && needsReanalysis(take)).toBe(true);
  });
});

describe('time tracks on restore', () => {
  const current = (report: AnalysisReport): Raw => ({ ...stored, report, analysisVersion: report.analysisVersion });

  it('keeps a current report as it is (same object, no re-analysis)', () => {
    const report = makeReport({ rate: ['good', 200] });
    const raw = current(report);
    const take = restoreTake(raw);
    expect(take.report).toBe(report);
    expect(take.analysisVersion).toBe(ANALYSIS_VERSION);
    expect(needsReanalysis(take)).toBe(false);
  });

  it('turns a malformed track into null and asks for re-analysis, whatever the version says', () => {
    const report = makeReport({ rate: ['good', 200] });
    const badPitch = { ...report, pitch: { ...report.pitch, track: { hopSec: 0.01, startSec: 0.005, values: [210, 'high'] } } };
    const badIntensity = { ...report, intensity: { track: { hopSec: 0, startSec: 0.005, values: [] } } };
    const a = restoreTake(current(badPitch as never));
    expect(a.report?.pitch.track).toBeNull();
    expect(a.report?.intensity.track).toEqual(report.intensity.track);
    expect(needsReanalysis(a)).toBe(true);
    const b = restoreTake(current(badIntensity as never));
    expect(b.report?.intensity.track).toBeNull();
    expect(b.report?.pitch.track).toEqual(report.pitch.track);
    expect(needsReanalysis(b)).toBe(true);
  });
});

describe('a take stored by analysis 1.4.0 (before the sv56 level, sub-band nuclei and script readings)', () => {
  it('keeps its numbers as stored, is listed as outdated and is analysed again on review', () => {
    const report = makeReport({ rate: ['good', 200] });
    const { syllablesMethod: _method, nucleiSec: _nuclei, ...rate } = report.rate;
    const old = { ...report, analysisVersion: '1.4.0', rate };
    const take = restoreTake({ ...stored, report: old, analysisVersion: '1.4.0' });
    expect(ANALYSIS_VERSION).not.toBe('1.4.0');
    expect(take.analysisVersion).toBe('1.4.0');
    expect(take.report?.loudness.activeLevelDbfs).toBe(report.loudness.activeLevelDbfs);
    expect(take.report?.rate.syllablesPerSec).toBe(report.rate.syllablesPerSec);
    expect(needsReanalysis(take)).toBe(true);
  });
});
