/**
 * The --textgrid export of `voicedrill analyze`: a Praat TextGrid (long text format, UTF-8) of a report,
 * byte for byte as Praat 6 writes it ("Save as text file" with UTF-8 text writing), so Praat opens it
 * and an analyst can correct it there. Pure: report in, text out.
 */
import type { AnalysisReport } from './analysis.ts';

/** One labelled interval of an interval tier, s. */
export interface TierInterval {
  startSec: number;
  endSec: number;
  text: string;
}

/** One labelled point of a point tier (Praat's TextTier). */
export interface TierPoint {
  timeSec: number;
  mark: string;
}

/** A tier of the TextGrid: intervals that cover the whole duration, or points. */
export type Tier =
  | { kind: 'interval'; name: string; intervals: TierInterval[] }
  | { kind: 'point'; name: string; points: TierPoint[] };

/** Tier names, in the order the TextGrid lists them. */
export const TIER_NAMES = { speech: 'speech', parts: 'parts', keyWords: 'key words', nuclei: 'nuclei' } as const;

/** Labels of the speech tier (the silence before the first and after the last speech is unlabelled). */
export const SPEECH_LABEL = 'speech';
export const PAUSE_LABEL = 'pause';

const clamp = (x: number, durationSec: number): number => Math.min(durationSec, Math.max(0, x));

/**
 * Intervals covering 0…durationSec without gaps: the labelled ones in time order, clipped to the
 * duration and to the previous one's end (an overlap never reaches Praat, which refuses it), and
 * empty-labelled intervals in the gaps; zero-length intervals are dropped.
 */
export function coverDuration(labelled: readonly TierInterval[], durationSec: number): TierInterval[] {
  const out: TierInterval[] = [];
  let t = 0;
  for (const iv of [...labelled].sort((a, b) => a.startSec - b.startSec)) {
    const startSec = Math.max(t, clamp(iv.startSec, durationSec));
    const endSec = clamp(iv.endSec, durationSec);
    if (!(endSec > startSec)) continue;
    if (startSec > t) out.push({ startSec: t, endSec: startSec, text: '' });
    out.push({ startSec, endSec, text: iv.text });
    t = endSec;
  }
  if (durationSec > t || out.length === 0) out.push({ startSec: t, endSec: durationSec, text: '' });
  return out;
}

// Speech between the pauses of the speech span, and the pauses themselves.
function speechIntervals(report: AnalysisReport): TierInterval[] {
  const { startSec, endSec, pauses } = report.speech;
  if (!report.speechFound || startSec === null || endSec === null) return [];
  const out: TierInterval[] = [];
  let t = startSec;
  for (const p of pauses) {
    out.push({ startSec: t, endSec: p.startSec, text: SPEECH_LABEL }, { startSec: p.startSec, endSec: p.endSec, text: PAUSE_LABEL });
    t = p.endSec;
  }
  out.push({ startSec: t, endSec, text: SPEECH_LABEL });
  return out;
}

const placed = <T extends { startSec: number | null; endSec: number | null }>(x: T): x is T & { startSec: number; endSec: number } =>
  x.startSec !== null && x.endSec !== null && x.endSec > x.startSec;

/**
 * The tiers of a report: speech/pause intervals; the script's parts where the analysis placed them
 * (with a script); the key words where the analysis located them (with key words marked); the
 * syllable nuclei as numbered points.
 */
export function textGridTiers(report: AnalysisReport, durationSec: number = report.durationSec): Tier[] {
  const tiers: Tier[] = [{ kind: 'interval', name: TIER_NAMES.speech, intervals: coverDuration(speechIntervals(report), durationSec) }];
  if (report.parts.length > 0) {
    const parts = report.parts.filter(placed).map((p) => ({ startSec: p.startSec, endSec: p.endSec, text: p.text }));
    tiers.push({ kind: 'interval', name: TIER_NAMES.parts, intervals: coverDuration(parts, durationSec) });
  }
  if (report.emphasis.length > 0) {
    const words = report.emphasis.filter(placed).map((w) => ({ startSec: w.startSec, endSec: w.endSec, text: w.word }));
    tiers.push({ kind: 'interval', name: TIER_NAMES.keyWords, intervals: coverDuration(words, durationSec) });
  }
  const nuclei = report.rate.nucleiSec.filter((t) => t >= 0 && t <= durationSec);
  tiers.push({ kind: 'point', name: TIER_NAMES.nuclei, points: nuclei.map((timeSec, i) => ({ timeSec, mark: String(i + 1) })) });
  return tiers;
}

/** What the TextGrid of a report cannot show as the analysis measured it, one sentence each (for stderr). */
export function textGridNotes(report: AnalysisReport): string[] {
  const notes: string[] = [];
  const unplaced = report.parts.filter((p) => !placed(p));
  if (unplaced.length > 0) {
    notes.push(unplaced.length === report.parts.length
      ? 'the parts of the script could not be placed (no speech was found), so the parts tier is empty'
      : `${unplaced.length} part(s) of the script could not be placed and are not on the parts tier`);
  }
  for (const p of report.parts.filter((x) => placed(x) && !x.found)) {
    notes.push(`part ${p.index + 1} ("${p.text}") is too short for its syllables; the parts tier shows where the analysis put it`);
  }
  for (const w of report.emphasis) {
    if (!placed(w)) {
      const partPlaced = report.parts[w.partIndex] !== undefined && placed(report.parts[w.partIndex]);
      notes.push(`key word "${w.word}" could not be located, so ${partPlaced ? 'only its part is' : 'neither it nor its part is'} in the TextGrid`);
    }
    else if (w.located === 'proportional') {
      notes.push(`key word "${w.word}" is placed by its share of its part's syllables (the syllable nuclei did not match the script), not located on its own syllables`);
    }
  }
  return notes;
}

/** A string as Praat quotes it: inside double quotes, a double quote doubled. */
export function praatString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

// Praat writes the shortest decimal that reads back as the same double, as JavaScript does.
const num = (x: number): string => String(x === 0 ? 0 : x);

/** The TextGrid text of some tiers over 0…durationSec, in Praat's long text format (LF line ends). */
export function formatTextGrid(tiers: readonly Tier[], durationSec: number): string {
  const lines = [
    'File type = "ooTextFile"', 'Object class = "TextGrid"', '',
    `xmin = 0 `, `xmax = ${num(durationSec)} `, 'tiers? <exists> ', `size = ${tiers.length} `, 'item []: ',
  ];
  tiers.forEach((tier, i) => {
    lines.push(`    item [${i + 1}]:`);
    lines.push(`        class = "${tier.kind === 'interval' ? 'IntervalTier' : 'TextTier'}" `, `        name = ${praatString(tier.name)} `);
    lines.push('        xmin = 0 ', `        xmax = ${num(durationSec)} `);
    if (tier.kind === 'interval') {
      lines.push(`        intervals: size = ${tier.intervals.length} `);
      tier.intervals.forEach((iv, k) => lines.push(
        `        intervals [${k + 1}]:`, `            xmin = ${num(iv.startSec)} `, `            xmax = ${num(iv.endSec)} `, `            text = ${praatString(iv.text)} `,
      ));
    } else {
      lines.push(`        points: size = ${tier.points.length} `);
      tier.points.forEach((p, k) => lines.push(`        points [${k + 1}]:`, `            number = ${num(p.timeSec)} `, `            mark = ${praatString(p.mark)} `));
    }
  });
  return lines.join('\n') + '\n';
}

/** The TextGrid of a report (see textGridTiers) over 0…durationSec (default: the report's duration). */
export function reportTextGrid(report: AnalysisReport, durationSec: number = report.durationSec): string {
  return formatTextGrid(textGridTiers(report, durationSec), durationSec);
}
