/** The preview of a pack before it is added: who made it, its version, and each drill with what the trainer set. */
import { useEffect, useRef } from 'react';
import type { ReadPack } from '../../packs/types.ts';
import { useApp } from '../../services/app-context.ts';
import { changedBands } from './assigned-model.ts';

/** Props of PackPreview. */
export interface PackPreviewProps {
  read: ReadPack;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The preview, with the add and cancel buttons (focus moves to its heading when shown). */
export function PackPreview({ read, busy, onConfirm, onCancel }: PackPreviewProps): React.JSX.Element {
  const { t, uiLang } = useApp();
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const { pack } = read;
  return (
    <section className="card pack-preview" data-testid="pack-preview" data-pack-id={pack.id} aria-labelledby="pack-preview-title">
      <h3 id="pack-preview-title" ref={heading} tabIndex={-1}>{t('packs.preview.title')}</h3>
      <p>{t('packs.preview.pack', { title: pack.title, author: pack.author, version: pack.version })}</p>
      <p className="hint">{t('packs.preview.intro')}</p>
      <p>{t('packs.preview.drillCount', { count: pack.drills.length })}</p>
      <ol className="pack-preview-drills">
        {pack.drills.map((d) => {
          const bands = changedBands(d.drill, uiLang);
          return (
            <li key={d.drill.id} data-drill-id={d.drill.id}>
              <h4>{d.drill.title[uiLang]}</h4>
              <ul className="pack-facts">
                <li>{t('packs.preview.lang', { lang: t(`settings.scriptLang.${d.drill.lang}`) })}</li>
                <li>{t('packs.preview.attempts', { count: d.attemptsRequired })}</li>
                <li>{d.dueDate === null ? t('packs.preview.noDue') : t('packs.preview.due', { date: d.dueDate })}</li>
                <li data-has-model={String(d.hasModel)}>{d.hasModel ? t('packs.preview.model') : t('packs.preview.noModel')}</li>
              </ul>
              {bands.length === 0
                ? <p className="hint">{t('packs.preview.defaultBands')}</p>
                : (
                  <>
                    <p>{t('packs.preview.bands')}</p>
                    <ul className="pack-bands">
                      {bands.map((b) => <li key={b.guideline} data-guideline={b.guideline}>{t('packs.preview.band', { label: b.label, band: b.text, default: b.defaultText })}</li>)}
                    </ul>
                  </>
                )}
              {d.slowSpans.length > 0 && <p>{t('packs.preview.slow', { spans: d.slowSpans.join(' · ') })}</p>}
              {d.notes !== '' && <p className="pack-notes">{t('packs.preview.notes', { notes: d.notes })}</p>}
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="button" className="primary" data-testid="pack-import-confirm" disabled={busy} onClick={onConfirm}>{t('packs.confirm')}</button>
        <button type="button" data-testid="pack-import-cancel" disabled={busy} onClick={onCancel}>{t('packs.cancel')}</button>
      </div>
    </section>
  );
}
