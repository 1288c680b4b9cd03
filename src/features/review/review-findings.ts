/** The review's list of findings, each with the moment it refers to, as text in the UI language. Pure. */
import type { AnalysisReport } from '../../takes/index.ts';
import { formatNumber, guidelineLabel, statusLabel, t, unitLabel, type UiLang } from '../../i18n/index.ts';
import { findingRange, keywordPlaces, type Finding, type TimeRange } from './review-model.ts';

/** One finding the agent can jump to. */
export interface ReviewFindingItem {
  /** Stable key, e.g. `verdict-rate`, `part-1`, `pause-0`, `word-2-0`. */
  key: string;
  finding: Finding;
  label: string;
  /** Value and result ('' for parts, pauses and key words). */
  detail: string;
  status: string | null;
  range: TimeRange;
}

function round2(x: number): string {
  return formatNumber(Number(x.toFixed(2)));
}

/** Every finding of a take that has a moment: measured verdicts, heard parts, pauses, key words. */
export function reviewFindings(report: AnalysisReport, script: string, lang: UiLang): ReviewFindingItem[] {
  const out: ReviewFindingItem[] = [];
  for (const v of report.verdicts) {
    if (v.status === 'unmeasured') continue;
    const finding: Finding = { kind: 'verdict', guideline: v.guideline };
    const range = findingRange(report, finding, script);
    if (!range) continue;
    const value = v.value === null ? '—' : `${formatNumber(v.value)} ${unitLabel(lang, v.unit)}`;
    out.push({
      key: `verdict-${v.guideline}`, finding, range, status: v.status,
      label: guidelineLabel(lang, v.guideline), detail: `${value} · ${statusLabel(lang, v.guideline, v.status)}`,
    });
  }
  for (const p of report.parts) {
    const finding: Finding = { kind: 'part', index: p.index };
    const range = findingRange(report, finding, script);
    if (range) out.push({ key: `part-${p.index}`, finding, range, status: null, label: t(lang, 'review.part', { index: p.index + 1, text: p.text }), detail: '' });
  }
  report.speech.pauses.forEach((p, index) => {
    const finding: Finding = { kind: 'pause', index };
    out.push({
      key: `pause-${index}`, finding, range: { startSec: p.startSec, endSec: p.endSec }, status: null, detail: '',
      label: t(lang, 'review.pauseAt', { seconds: round2(p.endSec - p.startSec), at: round2(p.startSec) }),
    });
  });
  const counts = new Map<number, number>();
  for (const k of keywordPlaces(report, script)) {
    const n = counts.get(k.partIndex) ?? 0;
    counts.set(k.partIndex, n + 1);
    out.push({
      key: `word-${k.partIndex}-${n}`, finding: { kind: 'keyword', partIndex: k.partIndex, word: k.word },
      range: { startSec: k.startSec, endSec: k.endSec }, status: null, detail: '', label: t(lang, 'review.keyword', { word: k.word }),
    });
  }
  return report.speechFound ? out : [];
}
