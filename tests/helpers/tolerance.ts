/**
 * Compares a report with its golden copy: numbers within a small absolute tolerance chosen by the
 * unit in the key name (or, for verdict values and bands, by the verdict's `unit`); counts, strings,
 * booleans, nulls, key sets and array lengths exactly. The values of the time tracks take the unit of
 * their track: pitch.track Hz, intensity.track dB.
 */

/** Absolute tolerance per unit; these cover float differences between platforms, not real changes. */
export const TOLERANCE = {
  sec: 0.005,
  db: 0.05,
  hz: 0.5,
  st: 0.05,
  perSec: 0.02,
  perMinute: 1,
  fraction: 0.002,
  /** Dimensionless ratios (emphasis durationRatio, printed with 2 decimals). */
  ratio: 0.02,
} as const;

// Keys whose number is a count or an exact setting.
const EXACT_KEYS = new Set(['sampleRateHz', 'channels', 'pauseCount', 'syllables', 'nuclei', 'words', 'index']);
const BAND_KEYS = new Set(['value', 'goodMin', 'goodMax', 'lowBelow', 'highAbove']);

/** Tolerance of a verdict value or band edge in the given unit string. */
export function toleranceForUnit(unit: string): number {
  switch (unit.trim().toLowerCase()) {
    case 's':
      return TOLERANCE.sec;
    case 'db':
    case 'dbfs':
      return TOLERANCE.db;
    case 'hz':
      return TOLERANCE.hz;
    case 'st':
      return TOLERANCE.st;
    case 'syl/s':
      return TOLERANCE.perSec;
    case 'chars/min':
    case 'wpm':
      return TOLERANCE.perMinute;
    default:
      return 0.01;
  }
}

/** Tolerance of a number under `key`; `unit` is the unit of the enclosing verdict, if any; 0 = exact. */
export function toleranceFor(key: string, unit: string | null): number {
  if (EXACT_KEYS.has(key)) return 0;
  if (unit !== null && BAND_KEYS.has(key)) return toleranceForUnit(unit);
  if (key.endsWith('PerSec')) return TOLERANCE.perSec;
  if (key === 'perMinute') return TOLERANCE.perMinute;
  if (key.endsWith('Sec')) return TOLERANCE.sec;
  if (key.endsWith('Dbfs') || key.endsWith('Db')) return TOLERANCE.db;
  if (key.endsWith('Hz')) return TOLERANCE.hz;
  if (key.endsWith('St')) return TOLERANCE.st;
  if (key.endsWith('Fraction')) return TOLERANCE.fraction;
  if (key.endsWith('Ratio')) return TOLERANCE.ratio;
  return 0;
}

// The key whose tolerance the items of an array at `path` take: a track's values take its unit.
function itemKey(path: string, key: string): string {
  if (path.endsWith('pitch.track.values')) return 'trackHz';
  if (path.endsWith('intensity.track.values')) return 'trackDb';
  return key;
}

function kind(x: unknown): string {
  return x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x;
}

/** Differences between `actual` and `golden`, one readable line each (empty when they agree). */
export function compareWithTolerance(actual: unknown, golden: unknown, path = '', key = '', unit: string | null = null): string[] {
  const where = path || '(root)';
  if (kind(actual) !== kind(golden)) return [`${where}: ${JSON.stringify(actual)}, golden ${JSON.stringify(golden)}`];
  if (typeof actual === 'number' && typeof golden === 'number') {
    const tolerance = toleranceFor(key, unit);
    const ok = tolerance === 0 ? actual === golden : Math.abs(actual - golden) <= tolerance + 1e-9;
    return ok ? [] : [`${where}: ${actual}, golden ${golden} (tolerance ${tolerance})`];
  }
  if (Array.isArray(actual) && Array.isArray(golden)) {
    if (actual.length !== golden.length) return [`${where}: ${actual.length} items, golden ${golden.length}`];
    const k = itemKey(path, key);
    return actual.flatMap((item, i) => compareWithTolerance(item, golden[i], `${path}[${i}]`, k, unit));
  }
  if (kind(actual) === 'object') {
    const a = actual as Record<string, unknown>;
    const g = golden as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(g)])];
    const innerUnit = typeof a.unit === 'string' ? a.unit : unit;
    return keys.flatMap((k) => {
      const sub = path ? `${path}.${k}` : k;
      if (!(k in a)) return [`${sub}: missing, golden ${JSON.stringify(g[k])}`];
      if (!(k in g)) return [`${sub}: ${JSON.stringify(a[k])}, not in golden`];
      return compareWithTolerance(a[k], g[k], sub, k, innerUnit);
    });
  }
  return actual === golden ? [] : [`${where}: ${JSON.stringify(actual)}, golden ${JSON.stringify(golden)}`];
}
