/** roundReport, toFileReport, formatTable and the golden tolerance matcher on a fully populated report. */
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../cli/format-table.ts';
import { ANALYSIS_VERSION, type AnalysisReport, type Verdict } from '../../src/analysis/index.ts';
import { toFileReport } from '../../src/analysis/report-json.ts';
import { decimalsForUnit, roundReport, roundTo } from '../../src/analysis/round.ts';
import { compareWithTolerance } from '../helpers/tolerance.ts';

/** A report with every field measured and unrounded numbers. */
function fullReport(): AnalysisReport {
  return {
    analysisVersion: ANALYSIS_VERSION,
    durationSec: 5.139229024943311,
    sampleRateHz: 22050,
    channels: 1,
    lang: 'zh',
    speechFound: true,
    noSpeechReason: null,
    speech: {
      startSec: 0.04999999,
      endSec: 5.0212345,
      spanSec: 4.97123451,
      soundingSec: 4.1789,
      pauseCount: 2,
      longestPauseSec: 0.41249,
      pauses: [
        { startSec: 1.20049, endSec: 1.55151 },
        { startSec: 3.1, endSec: 3.51249 },
      ],
    },
    rate: {
      syllables: 14,
      syllablesSource: 'script',
      syllablesMethod: 'script:syllable@5+readings',
      nuclei: 15,
      nucleiSec: [0.1234567, 0.4005, 4.99999],
      words: 14,
      syllablesPerSec: 2.816199,
      articulationSyllablesPerSec: 3.35017,
      perMinute: 168.97194,
      perMinuteUnit: 'chars/min',
    },
    loudness: {
      activeLevelDbfs: -22.31456,
      peakDbfs: -3.004999,
      clippedFraction: 2.345678e-7,
      noiseFloorDbfs: -64.65432,
      snrDb: 42.33976,
      phraseLevelSdDb: 1.23456,
      finalDropDb: -0.0001,
    },
    pitch: {
      medianHz: 245.04999,
      p5Hz: 176.36,
      p95Hz: 368.96,
      rangeSt: 12.7777,
      sdSt: 3.8049,
      voicedFraction: 0.823456,
      floorHz: 132.3,
      ceilingHz: 412.51,
      track: { hopSec: 0.01, startSec: 0.005, values: [null, 245.04999, 176.36, -0.0001, NaN] },
    },
    intensity: { track: { hopSec: 0.0100000001, startSec: 0.0049999, values: [-64.65432, -22.314999, -386.0206, -0.0001] } },
    timbre: { brightnessHz: 1234.56 },
    phrases: [{ startSec: 0.0499, endSec: 1.2004, activeLevelDbfs: -21.0062, medianHz: null }],
    parts: [{ index: 0, text: '早上好', syllables: 3, startSec: 0.04999, endSec: 1.2, found: true, pauseBeforeSec: null }],
    emphasis: [
      { word: '早上', partIndex: 0, startSec: 0.04999, endSec: 0.61249, located: 'nuclei', pitchGainSt: 3.14159, levelGainDb: 2.71828, durationRatio: 1.23456, status: 'good' },
      { word: '好', partIndex: 0, startSec: null, endSec: null, located: null, pitchGainSt: null, levelGainDb: null, durationRatio: null, status: 'unmeasured' },
    ],
    verdicts: [
      { guideline: 'rate', value: 168.97194, unit: 'chars/min', measure: 'perMinute', status: 'borderline', reason: null, band: { goodMin: 180, goodMax: 240, lowBelow: 160, highAbove: 270 }, adviceKey: 'rate.borderline' },
      { guideline: 'volume', value: -22.31456, unit: 'dBFS', measure: 'activeLevelDbfs', status: 'good', reason: null, band: { goodMin: -28, goodMax: -16, lowBelow: -30, highAbove: null }, adviceKey: 'volume.good' },
      { guideline: 'pauses', value: 0.41249, unit: 's', measure: 'longestPartGapSec', status: 'good', reason: null, band: null, adviceKey: 'pauses.good' },
      { guideline: 'emphasis', value: null, unit: 'st', measure: 'medianPitchGainSt', status: 'unmeasured', reason: null, band: null, adviceKey: 'emphasis.unmeasured' },
    ],
    warnings: [{ code: 'scriptCoversPart', message: 'the script has 3 syllables but about 40 were heard' }],
  };
}

/** The same report with every object's keys in reverse order. */
function reversedKeys<T>(x: T): T {
  if (Array.isArray(x)) return x.map(reversedKeys) as T;
  if (x === null || typeof x !== 'object') return x;
  return Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
}

describe('roundReport', () => {
  it('rounds each unit by its rule', () => {
    const r = roundReport(fullReport());
    expect(r.durationSec).toBe(5.139);
    expect(r.speech.startSec).toBe(0.05);
    expect(r.speech.pauses).toEqual([{ startSec: 1.2, endSec: 1.552 }, { startSec: 3.1, endSec: 3.512 }]);
    expect(r.rate.syllablesPerSec).toBe(2.82);
    expect(r.rate.perMinute).toBe(169);
    expect(r.loudness.activeLevelDbfs).toBe(-22.31);
    expect(r.loudness.peakDbfs).toBe(-3);
    expect(r.loudness.clippedFraction).toBe(2.35e-7);
    expect(r.loudness.finalDropDb).toBe(0);
    expect(Object.is(r.loudness.finalDropDb, -0)).toBe(false);
    expect(r.pitch.medianHz).toBe(245);
    expect(r.pitch.rangeSt).toBe(12.78);
    expect(r.pitch.voicedFraction).toBe(0.823);
    expect(r.pitch.track).toEqual({ hopSec: 0.01, startSec: 0.005, values: [null, 245, 176.4, 0, null] });
    expect(Object.is(r.pitch.track?.values[3], -0)).toBe(false);
    expect(r.intensity.track).toEqual({ hopSec: 0.01, startSec: 0.005, values: [-64.65, -22.31, -386.02, 0] });
    expect(r.phrases[0]).toEqual({ startSec: 0.05, endSec: 1.2, activeLevelDbfs: -21.01, medianHz: null });
    expect(r.verdicts.map((v) => v.value)).toEqual([169, -22.31, 0.412, null]);
    expect(r.rate.syllables).toBe(14);
    expect(r.rate.nucleiSec).toEqual([0.123, 0.401, 5]);
    expect(r.emphasis[0]).toEqual({ word: '早上', partIndex: 0, startSec: 0.05, endSec: 0.612, located: 'nuclei', pitchGainSt: 3.14, levelGainDb: 2.72, durationRatio: 1.23, status: 'good' });
    expect(r.emphasis[1].pitchGainSt).toBeNull();
  });

  it('keeps a report from before analysis 1.1.0 (no emphasis list) readable', () => {
    const { emphasis: _dropped, ...old } = fullReport();
    expect(roundReport(old as AnalysisReport).emphasis).toEqual([]);
  });

  it('gives a report from before analysis 1.5.0 (no nuclei times) an empty list, after the count', () => {
    const old = fullReport();
    const { nucleiSec: _dropped, ...oldRate } = old.rate;
    const r = roundReport({ ...old, rate: oldRate } as AnalysisReport);
    expect(r.rate.nucleiSec).toEqual([]);
    expect(Object.keys(r.rate).indexOf('nucleiSec')).toBe(Object.keys(r.rate).indexOf('nuclei') + 1);
  });

  it('keeps a report from before analysis 1.3.0 (no tracks, no intensity section) readable, tracks null', () => {
    const { intensity: _dropped, ...old } = fullReport();
    const { track: _track, ...oldPitch } = old.pitch;
    const r = roundReport({ ...old, pitch: oldPitch } as AnalysisReport);
    expect(r.pitch.track).toBeNull();
    expect(r.intensity).toEqual({ track: null });
    expect(Object.keys(r).indexOf('intensity')).toBe(Object.keys(r).indexOf('pitch') + 1);
  });

  it('keeps the verdict measures and warnings, and reads a report without warnings as having none', () => {
    const r = roundReport(fullReport());
    expect(r.verdicts.map((v) => v.measure)).toEqual(['perMinute', 'activeLevelDbfs', 'longestPartGapSec', 'medianPitchGainSt']);
    expect(r.warnings).toEqual([{ code: 'scriptCoversPart', message: 'the script has 3 syllables but about 40 were heard' }]);
    const { warnings: _none, ...old } = fullReport();
    expect(roundReport(old as AnalysisReport).warnings).toEqual([]);
  });

  it('gives the verdicts of a report from before analysis 1.4.0 (no reason) a null reason, in its place after status', () => {
    const old = fullReport();
    old.verdicts = old.verdicts.map(({ reason: _dropped, ...v }) => v as Verdict);
    const r = roundReport(old);
    expect(r.verdicts.map((v) => v.reason)).toEqual([null, null, null, null]);
    expect(Object.keys(r.verdicts[0])).toEqual(['guideline', 'value', 'unit', 'measure', 'status', 'reason', 'band', 'adviceKey']);
  });

  it('turns NaN and infinities in nullable fields into null', () => {
    const report = fullReport();
    report.pitch.sdSt = NaN;
    report.loudness.snrDb = Infinity;
    const r = roundReport(report);
    expect(r.pitch.sdSt).toBeNull();
    expect(r.loudness.snrDb).toBeNull();
  });

  it('is pure, idempotent and fixes the key order whatever order the analysis built', () => {
    const report = fullReport();
    const before = JSON.stringify(report);
    const once = roundReport(report);
    expect(JSON.stringify(report)).toBe(before);
    expect(roundReport(once)).toEqual(once);
    expect(JSON.stringify(roundReport(reversedKeys(report)))).toBe(JSON.stringify(once));
  });

  it('toFileReport puts the file label first', () => {
    expect(Object.keys(toFileReport(fullReport(), 'a.wav')).slice(0, 3)).toEqual(['file', 'analysisVersion', 'durationSec']);
  });

  it('uses the verdict unit for verdict values', () => {
    expect([decimalsForUnit('s'), decimalsForUnit('dBFS'), decimalsForUnit('st'), decimalsForUnit('wpm'), decimalsForUnit('?')]).toEqual([3, 2, 2, 1, 2]);
    expect(roundTo(1.0005, 3)).toBe(1); // 1.0005 is 1.000499999… in binary: rounding follows the stored value
  });
});

describe('formatTable', () => {
  it('prints every measure with its unit, statuses and bands', () => {
    const text = formatTable(toFileReport(fullReport(), 'call.wav'));
    expect(text).toContain('call.wav\n');
    expect(text).toMatch(/^ {2}duration +5\.139 s · 22050 Hz · 1 channel · zh$/m);
    expect(text).toMatch(/^ {2}speech span +0\.050 to 5\.021 s \(span 4\.971 s, sounding 4\.179 s\)$/m);
    expect(text).toMatch(/^ {2}pauses +2 \(longest 0\.412 s\)$/m);
    expect(text).toMatch(/^ {2}rate +169\.0 chars\/min · 2\.82 syl\/s · articulation 3\.35 syl\/s · 14 syllables \(from the script\)$/m);
    expect(text).toMatch(/^ {2}active level +-22\.31 dBFS$/m);
    expect(text).toMatch(/^ {2}peak +-3\.00 dBFS · clipped 0\.0000235 %$/m);
    expect(text).toMatch(/^ {2}SNR +42\.34 dB · noise floor -64\.65 dBFS$/m);
    expect(text).toMatch(/^ {2}median F0 +245\.0 Hz$/m);
    expect(text).toMatch(/^ {2}range +12\.78 st \(p5 176\.4 to p95 369\.0 Hz\)$/m);
    expect(text).toMatch(/^ {2}SD +3\.80 st$/m);
    expect(text).toMatch(/^ {4}rate +borderline +169\.0 chars\/min +\(speaking rate: good 180\.0 to 240\.0 · low < 160\.0 · high > 270\.0\)$/m);
    expect(text).toMatch(/^ {4}volume +good +-22\.31 dBFS +\(active speech level: good -28\.00 to -16\.00 · low < -30\.00\)$/m);
    const hot = fullReport();
    hot.verdicts[1] = { ...hot.verdicts[1], status: 'borderline', reason: 'peakNearClipping', adviceKey: 'volume.peakNearClipping' };
    expect(formatTable(toFileReport(hot, 'hot.wav')))
      .toMatch(/^ {4}volume +borderline +-22\.31 dBFS +\(active speech level: good -28\.00 to -16\.00 · low < -30\.00\) +reason: peakNearClipping$/m);
    expect(text).toMatch(/^ {4}pauses +good +0\.412 s +\(longest gap between parts\)$/m);
    expect(text).toMatch(/^ {4}emphasis +unmeasured +– +\(median pitch gain of the key words\)$/m);
    expect(text).toMatch(/^ {2}warning +the script has 3 syllables but about 40 were heard$/m);
  });
});

describe('formatTable parts', () => {
  it('lists the gaps between the parts of a multi-part script, which no pause count shows', () => {
    const report = fullReport();
    report.parts = [
      { index: 0, text: '您好', syllables: 2, startSec: 0.05, endSec: 0.6, found: true, pauseBeforeSec: null },
      { index: 1, text: '我是小王', syllables: 4, startSec: 0.795, endSec: 1.9, found: true, pauseBeforeSec: 0.19512 },
      { index: 2, text: '请问', syllables: 2, startSec: null, endSec: null, found: false, pauseBeforeSec: null },
    ];
    const text = formatTable(toFileReport(report, 'g.wav'));
    expect(text).toMatch(/^ {2}parts +2 of 3 found · gaps between them 0\.195, – s$/m);
    expect(formatTable(toFileReport(fullReport(), 'g.wav'))).not.toMatch(/^ {2}parts/m);
  });
});

describe('compareWithTolerance', () => {
  const golden = toFileReport(fullReport(), 'x.wav');
  it('accepts differences inside the tolerance of each unit', () => {
    const near = structuredClone(golden);
    near.speech.startSec = (near.speech.startSec ?? 0) + 0.004;
    near.pitch.medianHz = (near.pitch.medianHz ?? 0) - 0.4;
    near.verdicts[0].value = (near.verdicts[0].value ?? 0) + 0.9;
    if (near.pitch.track) near.pitch.track.values[1] = 245.4;
    if (near.intensity.track) near.intensity.track.values[0] = -64.61;
    expect(compareWithTolerance(near, golden)).toEqual([]);
  });

  it('reports numbers outside the tolerance, changed counts, strings, nulls and lengths', () => {
    const far = structuredClone(golden);
    far.speech.startSec = 0.06;
    far.speech.pauseCount = 3;
    far.verdicts[1].status = 'high';
    far.verdicts[1].value = -22.2;
    far.pitch.sdSt = null;
    far.phrases.push(far.phrases[0]);
    if (far.pitch.track) far.pitch.track.values[2] = 177;
    if (far.intensity.track) far.intensity.track.values[1] = -22.2;
    expect(compareWithTolerance(far, golden)).toEqual([
      'speech.startSec: 0.06, golden 0.05 (tolerance 0.005)',
      'speech.pauseCount: 3, golden 2 (tolerance 0)',
      'pitch.sdSt: null, golden 3.8',
      'pitch.track.values[2]: 177, golden 176.4 (tolerance 0.5)',
      'intensity.track.values[1]: -22.2, golden -22.31 (tolerance 0.05)',
      'phrases: 2 items, golden 1',
      'verdicts[1].value: -22.2, golden -22.31 (tolerance 0.05)',
      'verdicts[1].status: "high", golden "good"',
    ]);
  });
});
