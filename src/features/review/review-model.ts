/**
 * Take review as data: the regions drawn on the waveform (the greeting's parts, the pauses, the marked
 * key words), the moment each scorecard finding refers to, and the player's keyboard, speed and loop
 * rules. Pure: no React, no DOM. Times are seconds from the start of the take, as in the report.
 */
import { countText, parseScript, type AnalysisReport, type GuidelineId, type Lang } from '../../takes/index.ts';
import { SCORED_GUIDELINES } from '../../guidelines/bands.ts';
import type { KeyLike } from '../../ui/key-like.ts';

/** A stretch of the take. */
export interface TimeRange {
  startSec: number;
  endSec: number;
}

/** What a region marks. */
export type RegionKind = 'part' | 'pause' | 'keyword';

/** One region on the waveform. */
export interface ReviewRegion extends TimeRange {
  /** Stable id: `part-<index>`, `pause-<index>`, `word-<part>-<n>`. */
  id: string;
  kind: RegionKind;
  /** Text shown on the region: the part's text, the pause length, the key word. */
  label: string;
}

/** A scorecard finding that can be played back. */
export type Finding =
  | { kind: 'verdict'; guideline: GuidelineId }
  | { kind: 'part'; index: number }
  /** Index into report.speech.pauses. */
  | { kind: 'pause'; index: number }
  | { kind: 'keyword'; partIndex: number; word: string };

/** A key word with its approximate place in the take. */
export interface KeywordPlace extends TimeRange {
  partIndex: number;
  word: string;
}

/** Seconds moved by ← / → (with Shift: SEEK_LONG_SEC). */
export const SEEK_STEP_SEC = 1;
/** Seconds moved by Shift+← / Shift+→. */
export const SEEK_LONG_SEC = 5;
/** Playback speeds offered, slowest first; [ and ] step through them. */
export const PLAYBACK_RATES: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5];

/** A player action bound to a key. */
export type ReviewAction =
  | { type: 'playPause' }
  | { type: 'seek'; deltaSec: number }
  | { type: 'speed'; step: -1 | 1 }
  | { type: 'loop' };

/** The player action of a key press: Space play/pause, ←/→ seek, [ ] speed, L loop the part; else null. */
export function keyAction(e: KeyLike): ReviewAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      return { type: 'playPause' };
    case 'ArrowLeft':
      return { type: 'seek', deltaSec: -(e.shiftKey ? SEEK_LONG_SEC : SEEK_STEP_SEC) };
    case 'ArrowRight':
      return { type: 'seek', deltaSec: e.shiftKey ? SEEK_LONG_SEC : SEEK_STEP_SEC };
    case '[':
      return { type: 'speed', step: -1 };
    case ']':
      return { type: 'speed', step: 1 };
    case 'l':
    case 'L':
      return { type: 'loop' };
    default:
      return null;
  }
}

/** The next playback speed from `currentRate` one step slower (−1) or faster (+1), clamped to PLAYBACK_RATES. */
export function nextRate(currentRate: number, step: -1 | 1): number {
  let i = 0;
  for (let k = 0; k < PLAYBACK_RATES.length; k++) {
    if (Math.abs(PLAYBACK_RATES[k] - currentRate) < Math.abs(PLAYBACK_RATES[i] - currentRate)) i = k;
  }
  return PLAYBACK_RATES[Math.min(PLAYBACK_RATES.length - 1, Math.max(0, i + step))];
}

/** A time moved by `deltaSec`, kept inside [0, durationSec]. */
export function seekTime(currentSec: number, deltaSec: number, durationSec: number): number {
  return Math.min(Math.max(0, currentSec + deltaSec), Math.max(0, durationSec));
}

function foundParts(report: AnalysisReport): (TimeRange & { index: number; text: string })[] {
  const out: (TimeRange & { index: number; text: string })[] = [];
  for (const p of report.parts) {
    if (p.found && p.startSec !== null && p.endSec !== null) out.push({ index: p.index, text: p.text, startSec: p.startSec, endSec: p.endSec });
  }
  return out;
}

/**
 * The stretch L loops at a time: the part under it, else the next part, else the last one; without
 * found parts the same rule over the phrases. Null when the take has neither.
 */
export function loopRangeAt(report: AnalysisReport, timeSec: number): TimeRange | null {
  const ranges: TimeRange[] = foundParts(report);
  if (ranges.length === 0) ranges.push(...report.phrases);
  if (ranges.length === 0) return null;
  const hit = ranges.find((r) => timeSec >= r.startSec && timeSec < r.endSec)
    ?? ranges.find((r) => r.startSec >= timeSec)
    ?? ranges[ranges.length - 1];
  return { startSec: hit.startSec, endSec: hit.endSec };
}

/** Where a looping player must jump back to (the loop's start) once it reaches the loop's end; else null. */
export function loopSeek(timeSec: number, loop: TimeRange | null): number | null {
  return loop !== null && timeSec >= loop.endSec ? loop.startSec : null;
}

/**
 * Approximate places of the script's marked key words: inside the part's mapped span, at the share
 * of the part's syllables that come before the word (the same syllable counting as the rate).
 */
export function keywordPlaces(report: AnalysisReport, script: string, lang?: Lang): KeywordPlace[] {
  if (!script.trim()) return [];
  const parsed = parseScript(script, lang ?? report.lang);
  const out: KeywordPlace[] = [];
  for (const part of parsed.parts) {
    const mapped = report.parts.find((p) => p.index === part.index);
    if (!mapped?.found || mapped.startSec === null || mapped.endSec === null || part.syllables === 0) continue;
    const spanSec = mapped.endSec - mapped.startSec;
    let from = 0;
    for (const word of part.emphasis) {
      const at = part.text.indexOf(word, from);
      if (at < 0) continue;
      from = at + word.length;
      const before = countText(part.text.slice(0, at), parsed.lang).syllables;
      const own = Math.max(1, countText(word, parsed.lang).syllables);
      out.push({
        partIndex: part.index,
        word,
        startSec: mapped.startSec + (spanSec * before) / part.syllables,
        endSec: mapped.startSec + (spanSec * Math.min(part.syllables, before + own)) / part.syllables,
      });
    }
  }
  return out;
}

/** Seconds as a short label: "0.42 s". */
function secondsLabel(sec: number): string {
  return `${Number(sec.toFixed(2))} s`;
}

/** Every region of a take: found parts, pauses (report.speech.pauses) and key words. */
export function reviewRegions(report: AnalysisReport, script: string): ReviewRegion[] {
  const parts: ReviewRegion[] = foundParts(report).map((p) => ({
    id: `part-${p.index}`, kind: 'part', label: `${p.index + 1}. ${p.text}`, startSec: p.startSec, endSec: p.endSec,
  }));
  const pauses: ReviewRegion[] = report.speech.pauses.map((p, i) => ({
    id: `pause-${i}`, kind: 'pause', label: secondsLabel(p.endSec - p.startSec), startSec: p.startSec, endSec: p.endSec,
  }));
  const counts = new Map<number, number>();
  const words: ReviewRegion[] = keywordPlaces(report, script).map((k) => {
    const n = counts.get(k.partIndex) ?? 0;
    counts.set(k.partIndex, n + 1);
    return { id: `word-${k.partIndex}-${n}`, kind: 'keyword', label: k.word, startSec: k.startSec, endSec: k.endSec };
  });
  return [...parts, ...pauses, ...words];
}

function speechSpan(report: AnalysisReport): TimeRange | null {
  const { startSec, endSec } = report.speech;
  return startSec !== null && endSec !== null ? { startSec, endSec } : null;
}

function longestPause(report: AnalysisReport): TimeRange | null {
  let best: TimeRange | null = null;
  for (const p of report.speech.pauses) {
    if (best === null || p.endSec - p.startSec > best.endSec - best.startSec) best = { startSec: p.startSec, endSec: p.endSec };
  }
  return best;
}

// The moment a guideline is about: the longest pause, the last phrase (trailing off), the first key
// word; measures over the whole speech point at the speech span.
function verdictRange(report: AnalysisReport, guideline: GuidelineId, script: string): TimeRange | null {
  switch (guideline) {
    case 'pauses':
      return longestPause(report) ?? speechSpan(report);
    case 'steadiness': {
      const last = report.phrases[report.phrases.length - 1];
      return last ? { startSec: last.startSec, endSec: last.endSec } : speechSpan(report);
    }
    case 'emphasis': {
      const first = keywordPlaces(report, script)[0];
      return first ? { startSec: first.startSec, endSec: first.endSec } : speechSpan(report);
    }
    default:
      return speechSpan(report);
  }
}

/** The stretch of the take a scorecard finding refers to, or null when the take does not have it. */
export function findingRange(report: AnalysisReport, finding: Finding, script = ''): TimeRange | null {
  if (!report.speechFound) return null;
  switch (finding.kind) {
    case 'verdict':
      return verdictRange(report, finding.guideline, script);
    case 'part': {
      const p = foundParts(report).find((x) => x.index === finding.index);
      return p ? { startSec: p.startSec, endSec: p.endSec } : null;
    }
    case 'pause': {
      const p = report.speech.pauses[finding.index];
      return p ? { startSec: p.startSec, endSec: p.endSec } : null;
    }
    case 'keyword': {
      const k = keywordPlaces(report, script).find((x) => x.partIndex === finding.partIndex && x.word === finding.word);
      return k ? { startSec: k.startSec, endSec: k.endSec } : null;
    }
  }
}

/** A range widened by `padSec` on each side (kept inside the take), so a played moment has context. */
export function padRange(range: TimeRange, padSec: number, durationSec: number): TimeRange {
  return { startSec: Math.max(0, range.startSec - padSec), endSec: Math.min(durationSec, range.endSec + padSec) };
}

const GUIDELINE_IDS: readonly GuidelineId[] = [...SCORED_GUIDELINES, 'warmth'];

/** A finding as a URL-safe text, for a scorecard link to the review (`verdict:rate`, `part:1`, `pause:0`, `keyword:2:服务`). */
export function findingParam(finding: Finding): string {
  switch (finding.kind) {
    case 'verdict':
      return `verdict:${finding.guideline}`;
    case 'part':
    case 'pause':
      return `${finding.kind}:${finding.index}`;
    case 'keyword':
      return `keyword:${finding.partIndex}:${encodeURIComponent(finding.word)}`;
  }
}

/** The finding of a findingParam text, or null when it is not one. */
export function parseFindingParam(text: string): Finding | null {
  const [kind, a, ...rest] = text.split(':');
  const index = /^\d+$/.test(a ?? '') ? Number(a) : null;
  if (kind === 'verdict') return GUIDELINE_IDS.find((g) => g === a) ? { kind, guideline: a as GuidelineId } : null;
  if ((kind === 'part' || kind === 'pause') && index !== null && rest.length === 0) return { kind, index };
  if (kind === 'keyword' && index !== null && rest.length > 0) {
    try {
      return { kind, partIndex: index, word: decodeURIComponent(rest.join(':')) };
    } catch {
      return null;
    }
  }
  return null;
}
