/** The drill picker: script language, then the drills of that language grouped by kind, the agent's own last (one radio group). */
import type { Lang } from '../../takes/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { Drill } from '../../drills/index.ts';
import { drillMenu } from './drill-menu-model.ts';

/** Props of DrillPicker. */
export interface DrillPickerProps {
  lang: Lang;
  drillId: string;
  /** The agent's own drills (made from calls), listed under "From my calls". */
  userDrills: readonly Drill[];
  /** Drills of the trainer's packs, listed under "Assigned by your trainer". */
  assignedDrills?: readonly Drill[];
  disabled: boolean;
  onLang: (lang: Lang) => void;
  onDrill: (drillId: string) => void;
}

/** The picker. */
export function DrillPicker({ lang, drillId, userDrills, assignedDrills = [], disabled, onLang, onDrill }: DrillPickerProps): React.JSX.Element {
  const { t, uiLang } = useApp();
  return (
    <div className="drill-picker card" data-space-shortcut="">
      <fieldset className="segmented" disabled={disabled}>
        <legend>{t('practice.drillLang')}</legend>
        {(['zh', 'en'] as const).map((l) => (
          <label key={l} className={l === lang ? 'selected' : undefined}>
            <input type="radio" name="drill-lang" value={l} checked={l === lang} onChange={() => onLang(l)} />
            <span>{t(`settings.scriptLang.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={disabled} className="drill-list">
        <legend>{t('practice.pickDrill')}</legend>
        {drillMenu(lang, uiLang, userDrills, assignedDrills).map((section) => (
          <div key={section.kind} className="drill-group" role="group" aria-labelledby={`drill-kind-${section.kind}`}>
            <h3 id={`drill-kind-${section.kind}`}>{section.label}</h3>
            <ul>
              {section.drills.map((d) => (
                <li key={d.id}>
                  <label className={d.id === drillId ? 'drill selected' : 'drill'}>
                    <input type="radio" name="drill" value={d.id} checked={d.id === drillId} onChange={() => onDrill(d.id)} />
                    <span>{d.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
