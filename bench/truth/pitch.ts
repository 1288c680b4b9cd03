/**
 * bench:truth section “pitch”: the report's 10 ms pitch track against the Keele laryngograph, frame by
 * frame, side by side with Praat's adaptive two-pass pitch on the same files in the same run.
 * Scoring and alignment: tests/helpers/pitch-truth.ts (shared with tests/analysis/pitch-truth.test.ts).
 */
import {
  addCounts, havePraat, keeleFiles, praatPitchTrack, reportPitchTrack, scoreCounts, scoreTrack,
  type FrameCounts, type PitchScore, type SummaryErrors, type TrackResult,
} from '../../tests/helpers/pitch-truth.ts';

/** Targets of issue 10 on Keele (overall). */
const TARGET_GPE_PCT = 1.0;
const TARGET_VDE_PCT = 6.0;
const TARGET_MEDIAN_PCT = 5;

const ZERO: FrameCounts = { frames: 0, voicingErrors: 0, bothVoiced: 0, grossErrors: 0, fineCentsSum: 0 };

function signed(v: number, digits = 1): string {
  return `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;
}

function cells(score: PitchScore, errors: SummaryErrors | null): string[] {
  const head = [score.gpePct.toFixed(2), score.finePitchErrorCents.toFixed(1), score.vdePct.toFixed(2)];
  if (!errors) return head;
  return [...head, signed(errors.medianPct), signed(errors.p5Pct), signed(errors.p95Pct), signed(errors.sdSt, 2)];
}

function row(label: string, ours: string[], praat: string[] | null): string {
  return [label, ...ours, ...(praat ? ['‖', ...praat] : [])].join(' | ');
}

// Largest |value| of one summary error over the files, with the file it came from.
function worst(results: { id: string; r: TrackResult }[], key: keyof SummaryErrors): string {
  const top = results.reduce((a, b) => (Math.abs(b.r.errors[key]) > Math.abs(a.r.errors[key]) ? b : a));
  return `${signed(top.r.errors[key], key === 'sdSt' ? 2 : 1)} (${top.id})`;
}

/** Prints the per-file and overall table and whether the targets hold. */
export async function run(): Promise<void> {
  if (!havePraat) console.log('praat: not installed (apt-get install praat): the Praat column is skipped.');
  const files = keeleFiles();
  const head = ['GPE %', 'FPE ¢', 'VDE %', 'med %', 'p5 %', 'p95 %', 'SD st'];
  console.log(`Keele, ${files.length} files; reference frame i at i×10 ms, −1 frames left out; ours = report.pitch.track${havePraat ? ' ‖ Praat adaptive two-pass (50–700 Hz, then 0.75·Q1–1.5·Q3)' : ''}`);
  console.log('alignment: both tracks sit midway between reference frames; each reference frame is scored against the two track frames around it, weighted by nearness (tests/helpers/pitch-truth.ts frameCounts)');
  console.log(row('file', head, havePraat ? head : null));
  let oursAll = ZERO;
  let praatAll = ZERO;
  const ours: { id: string; r: TrackResult }[] = [];
  const praat: { id: string; r: TrackResult }[] = [];
  for (const file of files) {
    const o = scoreTrack(file, await reportPitchTrack(file));
    oursAll = addCounts(oursAll, o.counts);
    ours.push({ id: file.id, r: o });
    let p: TrackResult | null = null;
    if (havePraat) {
      p = scoreTrack(file, praatPitchTrack(file));
      praatAll = addCounts(praatAll, p.counts);
      praat.push({ id: file.id, r: p });
    }
    console.log(row(file.id, cells(o.score, o.errors), p ? cells(p.score, p.errors) : null));
  }
  const o = scoreCounts(oursAll);
  const p = havePraat ? scoreCounts(praatAll) : null;
  console.log(row('overall (pooled frames)', cells(o, null), p ? cells(p, null) : null));
  for (const [name, list] of [['ours', ours], ['praat', praat]] as const) {
    if (list.length === 0) continue;
    console.log(`worst file, ${name}: median ${worst(list, 'medianPct')}, p5 ${worst(list, 'p5Pct')}, p95 ${worst(list, 'p95Pct')}, SD ${worst(list, 'sdSt')} st`);
  }
  const medianOk = ours.every((x) => Math.abs(x.r.errors.medianPct) <= TARGET_MEDIAN_PCT);
  const checks = [
    `GPE ${o.gpePct.toFixed(2)} % ≤ ${TARGET_GPE_PCT}${p ? ` and ≤ Praat ${p.gpePct.toFixed(2)}` : ''}: ${o.gpePct <= TARGET_GPE_PCT && (!p || o.gpePct <= p.gpePct) ? 'ok' : 'MISSED'}`,
    `VDE ${o.vdePct.toFixed(2)} % ≤ ${TARGET_VDE_PCT}${p ? ` and ≤ Praat ${p.vdePct.toFixed(2)}` : ''}: ${o.vdePct <= TARGET_VDE_PCT && (!p || o.vdePct <= p.vdePct) ? 'ok' : 'MISSED'}`,
    `median within ${TARGET_MEDIAN_PCT} % on every file: ${medianOk ? 'ok' : 'MISSED'}`,
  ];
  console.log(`targets: ${checks.join('; ')}`);
}
