/**
 * The agent's side of trainer packs as data: the preview of a pack before import (the bands that differ from the
 * defaults), the message after an import, the Assigned list (attempts done / required, complete, overdue) and the
 * slow-down cue cut out of a script's text. Pure.
 */
import type { Drill } from '../../drills/index.ts';
import { DEFAULT_BANDS } from '../../guidelines/bands.ts';
import { formatBand, guidelineLabel, t, type UiLang } from '../../i18n/index.ts';
import type { PackJson } from '../../packs/types.ts';
import type { AssignedPackRecord, PackMergeOutcome, TakeSummaryRecord } from '../../storage/index.ts';

/** The four-edge bands a trainer can override (in the editor's order). */
const BAND_KEYS = ['rate', 'volume', 'effort', 'pitchLevel', 'pitchVariety'] as const;

/** One band of a drill that differs from the default of its language, as text. */
export interface ChangedBand {
  guideline: (typeof BAND_KEYS)[number];
  label: string;
  text: string;
  defaultText: string;
}

/** The bands of a drill that differ from DEFAULT_BANDS of its language (any edge). */
export function changedBands(drill: Drill, uiLang: UiLang): ChangedBand[] {
  const defaults = DEFAULT_BANDS[drill.lang];
  return BAND_KEYS.filter((k) => {
    const a = drill.bands[k];
    const b = defaults[k];
    return a.goodMin !== b.goodMin || a.goodMax !== b.goodMax || a.lowBelow !== b.lowBelow || a.highAbove !== b.highAbove;
  }).map((k) => ({
    guideline: k,
    label: guidelineLabel(uiLang, k),
    text: formatBand(uiLang, drill.bands[k], drill.bands[k].unit),
    defaultText: formatBand(uiLang, defaults[k], defaults[k].unit),
  }));
}

/** The sentence after a confirmed import (how many models were stored, when any). */
export function importMessage(outcome: PackMergeOutcome, pack: PackJson, uiLang: UiLang): string {
  const models = 'modelsStored' in outcome && outcome.modelsStored > 0 ? ` ${t(uiLang, 'packs.import.models', { count: outcome.modelsStored })}` : '';
  switch (outcome.kind) {
    case 'added':
      return t(uiLang, 'packs.import.added', { title: pack.title, version: pack.version, count: pack.drills.length }) + models;
    case 'updated':
      return t(uiLang, 'packs.import.updated', { title: pack.title, from: outcome.previousVersion, version: pack.version, count: pack.drills.length }) + models;
    case 'unchanged':
      return t(uiLang, 'packs.import.unchanged', { title: pack.title, version: pack.version }) + models;
    case 'refused':
      return t(uiLang, 'packs.import.older', { title: pack.title, version: pack.version, current: outcome.currentVersion });
  }
}

/** The local day of a time as `YYYY-MM-DD` (due dates are the agent's local days). */
export function localDay(now: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** One drill of the Assigned list. */
export interface AssignedItem {
  packId: string;
  packTitle: string;
  drill: Drill;
  dueDate: string | null;
  notes: string;
  slowSpans: string[];
  hasModel: boolean;
  /** Analysed takes of the drill id in which speech was found. */
  done: number;
  required: number;
  complete: boolean;
  /** Not complete and the due day has passed. */
  overdue: boolean;
}

/** The Assigned list: every drill of every assigned pack, in pack then drill order. */
export function assignedItems(packs: readonly AssignedPackRecord[], summaries: readonly TakeSummaryRecord[], today: string): AssignedItem[] {
  const done = new Map<string, number>();
  for (const s of summaries) {
    if (s.status === 'analysed' && s.speechFound === true) done.set(s.drillId, (done.get(s.drillId) ?? 0) + 1);
  }
  return packs.flatMap((p) => p.pack.drills.map((d) => {
    const count = done.get(d.drill.id) ?? 0;
    const complete = count >= d.attemptsRequired;
    return {
      packId: p.id, packTitle: p.pack.title, drill: d.drill, dueDate: d.dueDate, notes: d.notes, slowSpans: d.slowSpans, hasModel: d.hasModel,
      done: count, required: d.attemptsRequired, complete, overdue: !complete && d.dueDate !== null && d.dueDate < today,
    };
  }));
}

/** One run of a script's text: plain, or inside a span the trainer asked to be said slowly. */
export interface SlowRun {
  text: string;
  slow: boolean;
}

/** A text cut at the slow-down spans found in it (key-word stars removed from the spans first). */
export function slowRuns(text: string, spans: readonly string[]): SlowRun[] {
  const wanted = spans.map((s) => s.replace(/\*/g, '').trim()).filter((s) => s !== '');
  const out: SlowRun[] = [];
  let rest = text;
  while (rest !== '') {
    let best: { at: number; len: number } | null = null;
    for (const s of wanted) {
      const at = rest.indexOf(s);
      if (at >= 0 && (best === null || at < best.at || (at === best.at && s.length > best.len))) best = { at, len: s.length };
    }
    if (best === null) {
      out.push({ text: rest, slow: false });
      break;
    }
    if (best.at > 0) out.push({ text: rest.slice(0, best.at), slow: false });
    out.push({ text: rest.slice(best.at, best.at + best.len), slow: true });
    rest = rest.slice(best.at + best.len);
  }
  return out;
}
