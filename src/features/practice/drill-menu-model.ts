/** The drill picker as data: the built-in drills of a script language, grouped by kind. Pure. */
import type { Lang } from '../../takes/index.ts';
import { builtInDrillsFor, DRILL_KINDS, type Drill, type DrillKind } from '../../drills/index.ts';
import { t, type UiLang } from '../../i18n/index.ts';

/** One group of the picker. */
export interface DrillMenuSection {
  kind: DrillKind;
  label: string;
  drills: { id: string; title: string }[];
}

/** The picker for a script language: three-part greetings, four-part greetings, passages. */
export function drillMenu(lang: Lang, uiLang: UiLang): DrillMenuSection[] {
  const drills = builtInDrillsFor(lang);
  return DRILL_KINDS.map((kind) => ({
    kind,
    label: t(uiLang, `practice.kind.${kind}`),
    drills: drills.filter((d) => d.kind === kind).map((d) => ({ id: d.id, title: d.title[uiLang] })),
  })).filter((s) => s.drills.length > 0);
}

/** The drill to show: the one asked for if it is in the language, else the language's first drill. */
export function pickDrill(lang: Lang, wantedId: string | null): Drill {
  const drills = builtInDrillsFor(lang);
  return drills.find((d) => d.id === wantedId) ?? drills[0];
}
