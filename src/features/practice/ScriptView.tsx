/** The script to read: its parts, with the key words emphasised, in the script's language. */
import type { Drill, RenderedDrill } from '../../drills/index.ts';
import { routeHref } from '../../services/routes.ts';
import { useApp } from '../../services/app-context.ts';
import { SAMPLE_PROFILE } from '../../drills/index.ts';

/** The script card. */
export function ScriptView({ drill, rendered }: { drill: Drill; rendered: RenderedDrill }): React.JSX.Element {
  const { t, uiLang } = useApp();
  const sample = SAMPLE_PROFILE[drill.lang];
  const usedSample = rendered.filledWithSample.name || rendered.filledWithSample.company;
  const sampleText = [rendered.filledWithSample.name ? sample.name : null, rendered.filledWithSample.company ? sample.company : null]
    .filter((x) => x !== null).join(uiLang === 'zh-CN' ? '、' : ', ');
  const greeting = drill.kind !== 'passage';
  return (
    <section className="card script-card" aria-labelledby="script-title">
      <h3 id="script-title">{t('app.labelled', { label: t('practice.readAloud'), text: drill.title[uiLang] })}</h3>
      <p className={`script ${greeting ? 'script-greeting' : 'script-passage'}`} lang={drill.lang === 'zh' ? 'zh-CN' : 'en'}
        data-script={rendered.script} data-drill-id={drill.id}>
        {rendered.displayParts.map((part) => (
          <span key={part.index} className="part" data-part={part.index}>
            {greeting && <span className="part-number" aria-hidden="true">{part.index + 1}</span>}
            {part.segments.map((s, i) => (s.emphasis ? <strong key={i} className="key-word">{s.text}</strong> : <span key={i}>{s.text}</span>))}
            {part.trailing}
            {' '}
          </span>
        ))}
      </p>
      {rendered.displayParts.some((p) => p.emphasis.length > 0) && <p className="hint">{t('practice.keyWordsHint')}</p>}
      {usedSample && (
        <p className="hint notice">
          {t('practice.setName', { sample: sampleText })} <a href={routeHref({ screen: 'settings' })}>{t('practice.openSettings')}</a>
        </p>
      )}
    </section>
  );
}
