/**
 * The drill editor: every field of a pack's drill, validated on save (trainer-model.ts: parseDrill and the pack's
 * rules; errors as sentences in an alert), a live preview as the agent will see it (the practice screen's script view,
 * filled with the trainer's profile) with its syllables and expected duration, and the drill's model recording.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_BANDS } from '../../guidelines/bands.ts';
import { DRILL_KINDS, renderDrill, type DrillKind } from '../../drills/index.ts';
import { formatNumber, guidelineLabel, unitLabel, type MessageKey } from '../../i18n/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { PackDrill } from '../../packs/types.ts';
import { ScriptView } from '../practice/components.ts';
import { ModelPanel } from './ModelPanel.tsx';
import {
  EDITABLE_BANDS, FOCUS_GUIDELINES, MAX_ATTEMPTS, drillFormOf, emptyDrillForm, packDrillOf, previewDrill, previewFigures,
  type DrillForm, type EditableBand, type FormMessage,
} from './trainer-model.ts';
import { MessageText, messageOf } from './use-form-message.tsx';

/** Props of DrillEditor. */
export interface DrillEditorProps {
  packId: string;
  /** The drill being edited, or null for a new one. */
  existing: PackDrill | null;
  /** Ids of the pack's other drills. */
  otherIds: ReadonlySet<string>;
  /** Store the drill in the pack; resolves with the stored drill, or rejects with a sentence. */
  onSave: (drill: PackDrill) => Promise<PackDrill>;
  onModelChanged: (drillId: string, hasModel: boolean) => void;
  onClose: () => void;
}

/** The drill editor. */
export function DrillEditor({ packId, existing, otherIds, onSave, onModelChanged, onClose }: DrillEditorProps): React.JSX.Element {
  const { t, uiLang, profile } = useApp();
  const [form, setForm] = useState<DrillForm>(() => (existing === null ? emptyDrillForm(profile.scriptLang) : drillFormOf(existing)));
  const [saved, setSaved] = useState<PackDrill | null>(existing);
  const [errors, setErrors] = useState<FormMessage[]>([]);
  const [justSaved, setJustSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement | null>(null);
  const errorBox = useRef<HTMLDivElement | null>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => { if (errors.length > 0) errorBox.current?.focus(); }, [errors]);

  const set = <K extends keyof DrillForm>(key: K, value: DrillForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setJustSaved(false);
  };
  const setBand = (key: EditableBand, side: 'min' | 'max', value: string): void => {
    setForm((f) => ({ ...f, bands: { ...f.bands, [key]: { ...f.bands[key], [side]: value } } }));
    setJustSaved(false);
  };

  const preview = useMemo(() => {
    const drill = previewDrill(form);
    if (drill === null) return null;
    const rendered = renderDrill(drill, profile);
    return { drill, rendered, figures: previewFigures(drill, rendered) };
  }, [form, profile]);

  const save = async (): Promise<void> => {
    if (saving) return;
    const result = packDrillOf(form, saved, otherIds);
    if (!result.ok) {
      setErrors(result.errors);
      setJustSaved(false);
      return;
    }
    setSaving(true);
    try {
      const stored = await onSave(result.packDrill);
      setSaved(stored);
      setForm(drillFormOf(stored));
      setErrors([]);
      setJustSaved(true);
    } catch (error) {
      setErrors([messageOf(error)]);
    } finally {
      setSaving(false);
    }
  };

  const defaults = DEFAULT_BANDS[form.lang];
  const idLocked = saved !== null;
  const spans = form.slow.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '');

  return (
    <section className="card trainer-drill" aria-labelledby="drill-editor-title">
      <h3 id="drill-editor-title" tabIndex={-1} ref={heading}>{saved === null ? t('trainer.drill.newTitle') : t('trainer.drill.editTitle')}</h3>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <div className="trainer-grid">
          <label className="field">
            <span>{t('trainer.drill.id')}</span>
            <input type="text" data-testid="drill-id" value={form.id} readOnly={idLocked} aria-describedby="drill-id-hint"
              autoComplete="off" spellCheck={false} onChange={(e) => set('id', e.target.value)} />
            <small className="hint" id="drill-id-hint">{t('trainer.drill.idHint')}</small>
          </label>
          <label className="field">
            <span>{t('trainer.drill.titleEn')}</span>
            <input type="text" lang="en" data-testid="drill-title-en" value={form.titleEn} onChange={(e) => set('titleEn', e.target.value)} />
          </label>
          <label className="field">
            <span>{t('trainer.drill.titleZh')}</span>
            <input type="text" lang="zh-CN" data-testid="drill-title-zh" value={form.titleZh} onChange={(e) => set('titleZh', e.target.value)} />
          </label>
          <label className="field">
            <span>{t('trainer.drill.lang')}</span>
            <select data-testid="drill-lang" value={form.lang} onChange={(e) => set('lang', e.target.value === 'zh' ? 'zh' : 'en')}>
              <option value="zh">{t('trainer.drill.lang.zh')}</option>
              <option value="en">{t('trainer.drill.lang.en')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('trainer.drill.kind')}</span>
            <select data-testid="drill-kind" value={form.kind} onChange={(e) => set('kind', e.target.value as DrillKind)}>
              {DRILL_KINDS.map((k) => <option key={k} value={k}>{t(`trainer.drill.kind.${k}` as MessageKey)}</option>)}
            </select>
          </label>
        </div>
        <label className="field">
          <span>{t('trainer.drill.template')}</span>
          <textarea data-testid="drill-template" rows={4} value={form.template} lang={form.lang === 'zh' ? 'zh-CN' : 'en'}
            aria-describedby="drill-template-hint" onChange={(e) => set('template', e.target.value)} />
          <small className="hint" id="drill-template-hint">{t('trainer.drill.templateHint')}</small>
        </label>
        <fieldset className="trainer-focus">
          <legend>{t('trainer.drill.focus')}</legend>
          {FOCUS_GUIDELINES.map((g) => (
            <label key={g} className="choice">
              <input type="checkbox" data-testid={`drill-focus-${g}`} checked={form.focus.includes(g)}
                onChange={(e) => set('focus', e.target.checked ? FOCUS_GUIDELINES.filter((x) => x === g || form.focus.includes(x)) : form.focus.filter((x) => x !== g))} />
              {' '}{guidelineLabel(uiLang, g)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('trainer.drill.bands')}</legend>
          <p className="hint" id="drill-bands-hint">{t('trainer.drill.bandsHint')}</p>
          <div className="trainer-bands">
            {EDITABLE_BANDS.map((key) => (
              <div key={key} className="trainer-band" role="group" aria-labelledby={`band-${key}-name`}>
                <span id={`band-${key}-name`} className="trainer-band-name">{guidelineLabel(uiLang, key)} ({unitLabel(uiLang, defaults[key].unit)})</span>
                {(['min', 'max'] as const).map((side) => {
                  const d = side === 'min' ? defaults[key].goodMin : defaults[key].goodMax;
                  return (
                    <input key={side} type="text" inputMode="decimal" data-testid={`band-${key}-${side}`} value={form.bands[key][side]}
                      placeholder={d === null ? '' : formatNumber(d)} aria-describedby="drill-bands-hint"
                      aria-label={t('trainer.drill.bandInputLabel', { guideline: guidelineLabel(uiLang, key), side: t(side === 'min' ? 'trainer.drill.bandMin' : 'trainer.drill.bandMax'), unit: unitLabel(uiLang, defaults[key].unit) })}
                      onChange={(e) => setBand(key, side, e.target.value)} />
                  );
                })}
              </div>
            ))}
          </div>
        </fieldset>
        <div className="trainer-grid">
          <label className="field">
            <span>{t('trainer.drill.attempts')}</span>
            <input type="number" min={1} max={MAX_ATTEMPTS} step={1} required data-testid="drill-attempts" value={form.attempts} onChange={(e) => set('attempts', e.target.value)} />
          </label>
          <label className="field">
            <span>{t('trainer.drill.due')}</span>
            <input type="date" data-testid="drill-due" value={form.due} onChange={(e) => set('due', e.target.value)} />
          </label>
        </div>
        <label className="field">
          <span>{t('trainer.drill.notes')}</span>
          <textarea data-testid="drill-notes" rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('trainer.drill.slow')}</span>
          <textarea data-testid="drill-slow" rows={2} value={form.slow} onChange={(e) => set('slow', e.target.value)} />
        </label>
        {errors.length > 0 && (
          <div className="notice notice-error" role="alert" data-testid="drill-errors" tabIndex={-1} ref={errorBox}>
            <p>{t('trainer.drill.errorsTitle')}</p>
            <ul>{errors.map((m, i) => <li key={i}><MessageText m={m} /></li>)}</ul>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="primary" data-testid="save-drill" disabled={saving}>{t('trainer.drill.save')}</button>
          <button type="button" data-testid="close-drill" onClick={onClose}>{t('trainer.drill.close')}</button>
          {justSaved && <span className="ok-text" role="status">{t('trainer.drill.saved')}</span>}
        </div>
      </form>

      <section className="trainer-preview" data-testid="drill-preview" aria-labelledby="drill-preview-title">
        <h4 id="drill-preview-title">{t('trainer.drill.preview')}</h4>
        {preview === null ? <p className="hint">{t('trainer.drill.previewNone')}</p> : (
          <>
            <ScriptView drill={{ ...preview.drill, title: { en: form.titleEn, 'zh-CN': form.titleZh } }} rendered={preview.rendered} />
            <p className="trainer-figures">
              <span data-testid="preview-syllables" data-value={preview.figures.syllables}>{t('trainer.drill.syllables', { n: preview.figures.syllables })}</span>
              {preview.drill.lang === 'en' && <> · <span data-testid="preview-words" data-value={preview.figures.rateUnits}>{t('trainer.drill.words', { n: preview.figures.rateUnits })}</span></>}
              {' · '}
              <span data-testid="preview-duration" data-value={preview.figures.durationSec.toFixed(1)}>
                {t('trainer.drill.duration', { seconds: formatNumber(Math.round(preview.figures.durationSec * 10) / 10), rate: formatNumber(preview.figures.rateMid), unit: unitLabel(uiLang, preview.figures.rateUnit) })}
              </span>
            </p>
            {(form.due !== '' || form.attempts !== '') && <p className="hint">{t('trainer.drill.previewDue', { date: form.due || '—', n: Number(form.attempts) || 0 })}</p>}
            {form.notes.trim() !== '' && <p className="trainer-notes">{t('trainer.drill.previewNotes', { notes: form.notes })}</p>}
            {spans.length > 0 && <p className="hint">{t('trainer.drill.previewSlow', { spans: spans.join(' / ') })}</p>}
          </>
        )}
      </section>

      <ModelPanel packId={packId} drill={saved?.drill ?? null} onChanged={onModelChanged} />
    </section>
  );
}
