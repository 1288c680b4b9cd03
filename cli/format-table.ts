/** The readable (non-JSON) output of `voicedrill analyze`: one block per file. */
import { DECIMALS, decimalsForUnit, type FileReport, type Verdict, type VerdictMeasure } from './analysis.ts';

/** Printed for a value that was not measured (null). */
export const NOT_MEASURED = '–';

const LABEL_WIDTH = 15;

/** A number with fixed decimals and an optional unit, or NOT_MEASURED for null. */
export function formatNumber(value: number | null, decimals: number, unit = ''): string {
  if (value === null || !Number.isFinite(value)) return NOT_MEASURED;
  const text = value.toFixed(decimals);
  return unit ? `${text} ${unit}` : text;
}

/** A fraction (0–1) as a percentage with up to 3 significant digits, e.g. "0.012 %". */
function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return NOT_MEASURED;
  if (fraction === 0) return '0 %';
  return `${Number((fraction * 100).toPrecision(3))} %`;
}

/** What each verdict's value is, in words (the pauses verdict names the measure that decided it). */
export const MEASURE_LABELS: Record<VerdictMeasure, string> = {
  perMinute: 'speaking rate',
  activeLevelDbfs: 'active speech level',
  effortDb: 'level against the calibration',
  phraseLevelSdDb: 'SD of the phrase levels',
  pitchLevelSt: 'median pitch against the calibration',
  sdSt: 'pitch SD',
  longestPauseSec: 'longest pause',
  shortestPartGapSec: 'shortest gap between parts',
  longestPartGapSec: 'longest gap between parts',
  pausesInsidePart: 'most pauses inside one part',
  medianPitchGainSt: 'median pitch gain of the key words',
  warmthSt: 'median pitch against the neutral reading',
};

function row(label: string, text: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)}${text}`;
}

function formatBand(v: Verdict): string {
  const band = v.band;
  if (band === null) return '';
  const d = decimalsForUnit(v.unit);
  const n = (x: number): string => x.toFixed(d);
  const parts: string[] = [];
  if (band.goodMin !== null && band.goodMax !== null) parts.push(`good ${n(band.goodMin)} to ${n(band.goodMax)}`);
  else if (band.goodMin !== null) parts.push(`good ≥ ${n(band.goodMin)}`);
  else if (band.goodMax !== null) parts.push(`good ≤ ${n(band.goodMax)}`);
  if (band.lowBelow !== null) parts.push(`low < ${n(band.lowBelow)}`);
  if (band.highAbove !== null) parts.push(`high > ${n(band.highAbove)}`);
  return parts.join(' · ');
}

function verdictRows(verdicts: Verdict[]): string[] {
  if (verdicts.length === 0) return [row('verdicts', NOT_MEASURED)];
  const values = verdicts.map((v) => formatNumber(v.value, decimalsForUnit(v.unit), v.unit));
  const valueWidth = Math.max(...values.map((s) => s.length));
  return [
    row('verdicts', ''),
    ...verdicts.map((v, i) => {
      const band = formatBand(v);
      // Reports made before verdicts named their measure print no label.
      const label = (MEASURE_LABELS as Partial<Record<string, string>>)[v.measure];
      const note = label && band ? `${label}: ${band}` : label ?? band;
      const line = `    ${v.guideline.padEnd(13)}${v.status.padEnd(12)}${values[i].padEnd(valueWidth)}`;
      // What decided a status the value against the band does not explain (analysis ≥ 1.4.0).
      const reason = v.reason ? `   reason: ${v.reason}` : '';
      return `${note ? `${line}   (${note})` : line}${reason}`.trimEnd();
    }),
  ];
}

// A multi-part script's parts and the gaps between them, which the pauses verdict judges even when
// they are too short to count as pauses.
function partRows(report: FileReport): string[] {
  if (report.parts.length < 2) return [];
  const found = report.parts.filter((p) => p.found).length;
  const gaps = report.parts.slice(1).map((p) => formatNumber(p.pauseBeforeSec, DECIMALS.sec));
  return [row('parts', `${found} of ${report.parts.length} found · gaps between them ${gaps.join(', ')} s`)];
}

/** The readable block of one file's report (already rounded), ending with a newline. */
export function formatTable(report: FileReport): string {
  const { speech, rate, loudness, pitch } = report;
  const s = (x: number | null): string => formatNumber(x, DECIMALS.sec, 's');
  const channelText = `${report.channels} channel${report.channels === 1 ? '' : 's'}`;
  const span =
    speech.startSec === null || speech.endSec === null
      ? NOT_MEASURED
      : `${formatNumber(speech.startSec, DECIMALS.sec)} to ${s(speech.endSec)} (span ${s(speech.spanSec)}, sounding ${s(speech.soundingSec)})`;
  const syllables =
    rate.syllables === null ? '' : ` · ${rate.syllables} syllables (${rate.syllablesSource === 'script' ? 'from the script' : 'estimated'})`;
  const lines = [
    report.file,
    row('duration', `${s(report.durationSec)} · ${report.sampleRateHz} Hz · ${channelText} · ${report.lang}`),
    row('speech', report.speechFound ? 'found' : `not found${report.noSpeechReason ? ` (${report.noSpeechReason})` : ''}`),
    row('speech span', span),
    row('pauses', `${speech.pauseCount} (longest ${s(speech.longestPauseSec)})`),
    ...partRows(report),
    row(
      'rate',
      // Units stay visible when a rate is not measured: "– wpm" still says what would be there.
      `${formatNumber(rate.perMinute, DECIMALS.perMinute)} ${rate.perMinuteUnit} · ${formatNumber(rate.syllablesPerSec, DECIMALS.perSec)} syl/s` +
        ` · articulation ${formatNumber(rate.articulationSyllablesPerSec, DECIMALS.perSec)} syl/s${syllables}`,
    ),
    row('active level', formatNumber(loudness.activeLevelDbfs, DECIMALS.db, 'dBFS')),
    row('peak', `${formatNumber(loudness.peakDbfs, DECIMALS.db, 'dBFS')} · clipped ${formatPercent(loudness.clippedFraction)}`),
    row('SNR', `${formatNumber(loudness.snrDb, DECIMALS.db, 'dB')} · noise floor ${formatNumber(loudness.noiseFloorDbfs, DECIMALS.db, 'dBFS')}`),
    row('median F0', formatNumber(pitch.medianHz, DECIMALS.hz, 'Hz')),
    row('range', `${formatNumber(pitch.rangeSt, DECIMALS.st, 'st')} (p5 ${formatNumber(pitch.p5Hz, DECIMALS.hz)} to p95 ${formatNumber(pitch.p95Hz, DECIMALS.hz, 'Hz')})`),
    row('SD', formatNumber(pitch.sdSt, DECIMALS.st, 'st')),
    ...verdictRows(report.verdicts),
    ...(report.warnings ?? []).map((w) => row('warning', w.message)),
  ];
  return lines.join('\n') + '\n';
}
