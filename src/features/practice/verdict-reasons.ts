/**
 * Why a scorecard row is not "good" when its value alone would be: the verdict's reason (analysis ≥ 1.4.0)
 * or, for an older stored report, the same reason read from the report's own measures; and the reason
 * as a sentence with the measure that decided it against its limit. Pure.
 */
import type { AnalysisReport, Baseline, Verdict, VerdictReason } from '../../takes/index.ts';
import type { Drill } from '../../drills/types.ts';
import { formatNumber, joinList, t, type UiLang } from '../../i18n/index.ts';

// A report from before analysis 1.4.0 has no reason: read it from the measures the verdict was made of.
function legacyReason(v: Verdict, report: AnalysisReport, drill: Drill): VerdictReason | null {
  if (v.status === 'good' || v.status === 'unmeasured') return null;
  const { loudness } = report;
  const lim = drill.bands.volumeLimits;
  switch (v.guideline) {
    case 'volume':
      if (loudness.clippedFraction > 0) return 'clipping';
      if (loudness.peakDbfs !== null && loudness.peakDbfs > lim.hotPeakAboveDbfs) return 'peakTooHot';
      if (loudness.peakDbfs !== null && loudness.peakDbfs > lim.goodPeakMaxDbfs) return 'peakNearClipping';
      return v.adviceKey === 'volume.noisy' ? 'noisy' : null;
    case 'steadiness':
      return v.adviceKey === 'steadiness.trailingOff' ? 'trailingOff' : null;
    case 'emphasis': {
      const words = report.emphasis ?? [];
      return words.some((w) => w.status !== 'good' && w.status !== 'unmeasured') ? 'keyWordsNotStressed' : 'keyWordsUnlocated';
    }
    default:
      return null;
  }
}

/** The reason of a verdict: its own (null or a key), else, for a report from before reasons, read from the report. */
export function verdictReason(v: Verdict, report: AnalysisReport, drill: Drill): VerdictReason | null {
  return v.reason !== undefined ? v.reason : legacyReason(v, report, drill);
}

// Pauses inside each found part, as the report's pauses fall (the part that has the most, and how many).
function mostPausesInsidePart(report: AnalysisReport): { part: string; count: number } | null {
  let best: { part: string; count: number } | null = null;
  for (const p of report.parts) {
    if (!p.found || p.startSec === null || p.endSec === null) continue;
    const { startSec, endSec } = p;
    const count = report.speech.pauses.filter((x) => x.startSec >= startSec && x.endSec <= endSec).length;
    if (best === null || count > best.count) best = { part: p.text, count };
  }
  return best;
}

/** The reason as a sentence, with the measure that decided it and its limit (drill bands). */
export function reasonText(reason: VerdictReason, report: AnalysisReport, drill: Drill, lang: UiLang, baseline: Baseline | null): string {
  const { loudness } = report;
  const b = drill.bands;
  const n = (x: number | null): string => (x === null ? '—' : formatNumber(x));
  switch (reason) {
    case 'clipping':
      return t(lang, 'reason.clipping', { peak: n(loudness.peakDbfs) });
    case 'peakTooHot':
      return t(lang, 'reason.peakTooHot', { peak: n(loudness.peakDbfs), max: n(b.volumeLimits.hotPeakAboveDbfs) });
    case 'peakNearClipping':
      return t(lang, 'reason.peakNearClipping', { peak: n(loudness.peakDbfs), max: n(b.volumeLimits.goodPeakMaxDbfs) });
    case 'noisy':
      return t(lang, 'reason.noisy', { snr: n(loudness.snrDb), min: n(b.volumeLimits.goodSnrMinDb) });
    case 'trailingOff':
      return t(lang, 'reason.trailingOff', { drop: n(loudness.finalDropDb), max: n(b.steadiness.maxFinalDropDb) });
    case 'pausesInsidePart': {
      const most = mostPausesInsidePart(report);
      const max = b.pauses.maxPausesInsidePart;
      return most !== null && most.count > max
        ? t(lang, 'reason.pausesInsidePart', { part: most.part, count: most.count, max })
        : t(lang, 'reason.pausesInsidePart.some', { max });
    }
    case 'keyWordsNotStressed': {
      const words = (report.emphasis ?? []).filter((w) => w.status !== 'good' && w.status !== 'unmeasured').map((w) => `“${w.word}”`);
      return t(lang, 'reason.keyWordsNotStressed', { words: joinList(lang, words) });
    }
    case 'keyWordsUnlocated': {
      const words = (report.emphasis ?? []).filter((w) => w.status === 'unmeasured').map((w) => `“${w.word}”`);
      return t(lang, 'reason.keyWordsUnlocated', { words: joinList(lang, words) });
    }
    case 'notBrighter': {
      const now = report.timbre?.brightnessHz ?? null;
      const ref = baseline?.brightnessHz ?? null;
      const min = formatNumber(b.warmth.minBrightnessGainFraction * 100);
      if (now === null || ref === null || !(ref > 0)) return t(lang, 'reason.notBrighter.some', { min });
      const gain = Math.round((now / ref - 1) * 1000) / 10;
      return t(lang, 'reason.notBrighter', { gain: `${gain > 0 ? '+' : ''}${formatNumber(gain === 0 ? 0 : gain)}`, min });
    }
  }
}
