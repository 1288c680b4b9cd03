/**
 * The app's scorecard against `voicedrill analyze --json` on the same WAV. The app hears the WAV
 * through Chromium's fake microphone: later start (count-in), a stop 2 s after speech, and a
 * 16 kHz → context rate (44.1/48 kHz) → 16 kHz round trip. The brief's bounds: rate ±3 %, pitch
 * (median Hz, SD st) ±2 %, levels ±1 dB; statuses equal. Pauses (not in the brief) get ±20 ms: the
 * part gaps are read off 10 ms intensity frames, and the resampling moves threshold crossings by
 * a frame at most.
 */
import type { FileReport } from '../../src/analysis/index.ts';
import { runCli } from '../helpers/cli.ts';
import type { RowAttrs } from './app-driver.ts';

/** How two values may differ. */
type Bound = { relative: number } | { absolute: number };

/** Bounds per scorecard row (verdict value), by guideline. */
export const ROW_BOUNDS: Readonly<Record<string, Bound>> = {
  rate: { relative: 0.03 },
  volume: { absolute: 1 },
  effort: { absolute: 1 },
  steadiness: { absolute: 1 },
  pitchLevel: { absolute: 0.35 }, // 2 % of F0 is 0.34 st
  pitchVariety: { relative: 0.02 },
  pauses: { absolute: 0.02 },
  emphasis: { absolute: 0.5 }, // median pitch gain of the key words: two F0 statistics, each ±2 % (0.34 st)
  warmth: { absolute: 0.35 },
};

/** Bounds of the measurement details the brief names. */
export const DETAIL_BOUNDS: Readonly<Record<string, Bound>> = {
  'rate.syllablesPerSec': { relative: 0.03 },
  'loudness.activeLevelDbfs': { absolute: 1 },
  'loudness.peakDbfs': { absolute: 1 },
  'pitch.medianHz': { relative: 0.02 },
  'pitch.sdSt': { relative: 0.02 },
};

/** `voicedrill analyze WAV --lang L --script S --json`, parsed. */
export async function cliReport(wav: string, lang: string, script: string): Promise<FileReport> {
  const run = await runCli(['analyze', wav, '--lang', lang, '--script', script, '--json']);
  if (run.status !== 0) throw new Error(`voicedrill failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as FileReport;
}

/** One compared value. */
export interface Comparison {
  what: string;
  app: string;
  cli: string;
  diff: string;
  ok: boolean;
}

function within(app: string, cli: number | null, bound: Bound): { ok: boolean; diff: string } {
  if (app === '' || cli === null) return { ok: app === '' && cli === null, diff: '' };
  const a = Number(app);
  const d = a - cli;
  if ('relative' in bound) {
    const rel = cli === 0 ? Math.abs(d) : Math.abs(d / cli);
    return { ok: rel <= bound.relative + 1e-12, diff: `${(100 * d / (cli || 1)).toFixed(2)} %` };
  }
  return { ok: Math.abs(d) <= bound.absolute + 1e-9, diff: d.toFixed(3) };
}

function field(report: FileReport, path: string): number | null {
  let x: unknown = report;
  for (const key of path.split('.')) x = (x as Record<string, unknown>)[key];
  return typeof x === 'number' ? x : null;
}

/** Every row (value and status) and the named details of the app against the CLI's report. */
export function compareWithCli(rows: readonly RowAttrs[], details: Readonly<Record<string, string>>, cli: FileReport): Comparison[] {
  const out: Comparison[] = [];
  for (const v of cli.verdicts) {
    const row = rows.find((r) => r.guideline === v.guideline);
    const app = row?.value ?? '(missing)';
    const w = within(app, v.value, ROW_BOUNDS[v.guideline] ?? { absolute: 0 });
    out.push({ what: `${v.guideline} (${v.unit})`, app, cli: v.value === null ? '' : String(v.value), diff: w.diff, ok: row !== undefined && w.ok });
    out.push({ what: `${v.guideline} status`, app: row?.status ?? '(missing)', cli: v.status, diff: '', ok: row?.status === v.status });
  }
  for (const [path, bound] of Object.entries(DETAIL_BOUNDS)) {
    const value = field(cli, path);
    const app = details[path] ?? '(missing)';
    const w = within(app, value, bound);
    out.push({ what: path, app, cli: value === null ? '' : String(value), diff: w.diff, ok: w.ok });
  }
  return out;
}

/** The comparison as a printable table. */
export function formatComparison(title: string, list: readonly Comparison[]): string {
  const lines = list.map((c) => `${c.ok ? ' ' : '✗'} ${c.what.padEnd(34)} app ${c.app.padStart(9)}  cli ${c.cli.padStart(9)}  ${c.diff}`);
  return [title, ...lines].join('\n');
}
