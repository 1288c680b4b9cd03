/** The --bands FILE and --baseline FILE|NUMBERS arguments of `voicedrill analyze`; bad input is a UsageError. */
import { readFile } from 'node:fs/promises';
import { applyBandOverrides, type AnalyzeOptions, type Baseline, type Lang } from './analysis.ts';
import { UsageError } from './args.ts';

/** Plausible ranges of a calibration: adult speaking F0, a recorded level, a brightness below 8 kHz. */
export const BASELINE_LIMITS = {
  medianHz: { min: 40, max: 1000 },
  activeLevelDbfs: { min: -100, max: 0 },
  brightnessHz: { min: 1, max: 8000 },
} as const;

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
}

/** Reads and parses a JSON file; throws UsageError naming `what`, the file and the problem. */
async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the ${what} file ${path}: ${reason(err)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new UsageError(`the ${what} file ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The bands of a --bands file (overrides, flat or per language) merged onto the defaults of `lang`. */
export async function readBandsFile(path: string, lang: Lang): Promise<NonNullable<AnalyzeOptions['bands']>> {
  const result = applyBandOverrides(await readJsonFile(path, 'bands'), lang);
  if (!result.ok) throw new UsageError(`the bands file ${path} is invalid: ${result.error.replace(/\.$/, '')}`);
  return result.bands;
}

function checkBaseline(b: Baseline, source: string): Baseline {
  for (const key of ['medianHz', 'activeLevelDbfs', 'brightnessHz'] as const) {
    const x = b[key];
    if (x === undefined || x === null) continue;
    const { min, max } = BASELINE_LIMITS[key];
    if (!Number.isFinite(x) || x < min || x > max) throw new UsageError(`${source}: ${key} must be between ${min} and ${max}, not ${x}`);
  }
  return b;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const numberOrNull = (x: unknown): number | null => (typeof x === 'number' ? x : null);

// A calibration from JSON: the report of the calibration reading (`voicedrill analyze … --json`), or {medianHz, activeLevelDbfs[, brightnessHz]}.
function baselineFromJson(data: unknown, source: string): Baseline {
  const item = Array.isArray(data) && data.length === 1 ? data[0] : data;
  if (Array.isArray(item)) throw new UsageError(`${source} holds ${item.length} reports; give the report of the calibration reading only`);
  if (!isObject(item)) throw new UsageError(`${source} must hold a report or {"medianHz": …, "activeLevelDbfs": …}`);
  const isReport = isObject(item.pitch) && isObject(item.loudness);
  const medianHz = numberOrNull(isReport ? (item.pitch as Record<string, unknown>).medianHz : item.medianHz);
  const activeLevelDbfs = numberOrNull(isReport ? (item.loudness as Record<string, unknown>).activeLevelDbfs : item.activeLevelDbfs);
  const brightnessHz = numberOrNull(isReport ? (isObject(item.timbre) ? item.timbre.brightnessHz : null) : item.brightnessHz);
  const field = (name: string) => (isReport ? name : name.split('.').pop());
  if (medianHz === null) throw new UsageError(`${source} has no ${field('pitch.medianHz')}${isReport ? ' (no voiced speech in the calibration reading?)' : ''}`);
  if (activeLevelDbfs === null) throw new UsageError(`${source} has no ${field('loudness.activeLevelDbfs')}`);
  return checkBaseline({ medianHz, activeLevelDbfs, ...(brightnessHz !== null ? { brightnessHz } : {}) }, source);
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/**
 * The calibration of --baseline: "MEDIAN_HZ,LEVEL_DBFS[,BRIGHTNESS_HZ]" (e.g. "182,-24.5"), or the
 * path of a JSON file (the --json report of the neutral calibration sentence, or a baseline object).
 */
export async function parseBaselineArg(value: string): Promise<Baseline> {
  const fields = value.split(',').map((s) => s.trim());
  if (fields.length >= 2 && fields.length <= 3 && fields.every((f) => NUMBER.test(f))) {
    const [medianHz, activeLevelDbfs, brightnessHz] = fields.map(Number);
    return checkBaseline({ medianHz, activeLevelDbfs, ...(brightnessHz !== undefined ? { brightnessHz } : {}) }, `--baseline ${value}`);
  }
  if (fields.some((f) => NUMBER.test(f))) {
    throw new UsageError(`--baseline ${value}: give MEDIAN_HZ,LEVEL_DBFS[,BRIGHTNESS_HZ] as two or three numbers, or a JSON file`);
  }
  return baselineFromJson(await readJsonFile(value, 'baseline'), `the baseline file ${value}`);
}
