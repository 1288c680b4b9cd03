/** The drill picker as data: the built-in drills of a script language grouped by kind, then the agent's own drills. Pure. */
import type { Lang } from '../../takes/index.ts';
import { builtInDrillsFor, DRILL_KINDS, type Drill, type DrillKind } from '../../drills/index.ts';
import { t, type UiLang } from '../../i18n/index.ts';

/** One group of the picker: a kind of built-in drill, 'assigned' (a trainer's packs) or 'mine' (drills the agent made from calls). */
export interface DrillMenuSection {
  kind: DrillKind | 'assigned' | 'mine';
  label: string;
  drills: { id: string; title: string }[];
}

/** The picker for a script language: three-part greetings, four-part greetings, passages, "Assigned", then "From my calls". */
export function drillMenu(lang: Lang, uiLang: UiLang, userDrills: readonly Drill[] = [], assignedDrills: readonly Drill[] = []): DrillMenuSection[] {
  const drills = builtInDrillsFor(lang);
  const sections: DrillMenuSection[] = DRILL_KINDS.map((kind) => ({
    kind,
    label: t(uiLang, `practice.kind.${kind}`),
    drills: drills.filter((d) => d.kind === kind).map((d) => ({ id: d.id, title: d.title[uiLang] })),
  }));
  sections.push({
    kind: 'assigned',
    label: t(uiLang, 'practice.kind.assigned'),
    drills: assignedDrills.filter((d) => d.lang === lang).map((d) => ({ id: d.id, title: d.title[uiLang] })),
  });
  sections.push({
    kind: 'mine',
    label: t(uiLang, 'practice.kind.mine'),
    drills: userDrills.filter((d) => d.lang === lang).map((d) => ({ id: d.id, title: d.title[uiLang] })),
  });
  return sections.filter((s) => s.drills.length > 0);
}

/** The drill to show: the one asked for if it is in the language (built-in, the agent's or assigned), else the language's first drill. */
export function pickDrill(lang: Lang, wantedId: string | null, userDrills: readonly Drill[] = [], assignedDrills: readonly Drill[] = []): Drill {
  const drills = builtInDrillsFor(lang);
  return drills.find((d) => d.id === wantedId) ?? userDrills.find((d) => d.lang === lang && d.id === wantedId)
    ?? assignedDrills.find((d) => d.lang === lang && d.id === wantedId) ?? drills[0];
}
