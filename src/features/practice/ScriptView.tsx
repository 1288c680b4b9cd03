/** The script to read: its parts, with the key words emphasised, in the script's language. */
import type { Drill, RenderedDrill } from '../../drills/index.ts';
import { routeHref } from '../../services/routes.ts';
import { useApp } from '../../services/app-context.ts';
import { SAMPLE_PROFILE } from '../../drills/index.ts';
import { slowRuns } from '../packs/index.ts';

/** A run of script text with the trainer's slow-down spans marked (a cue: underlined, and named for screen readers). */
function Runs({ text, spans, cue }: { text: string; spans: readonly string[]; cue: string }): React.JSX.Element {
  if (spans.length === 0) return <>{text}</>;
  return <>{slowRuns(text, spans).map((r, i) => (r.slow ? <span key={i} className="slow-span" title={cue}>{r.text}<span className="visually-hidden"> ({cue})</span></span> : r.text))}</>;
}

/** The script card; `slowSpans` are stretches a trainer asked to be said slowly (marked where they fall within one run). */
export function ScriptView({ drill, rendered, slowSpans = [] }: { drill: Drill; rendered: RenderedDrill; slowSpans?: readonly string[] }): React.JSX.Element {
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
            {part.segments.map((s, i) => (s.emphasis
              ? <strong key={i} className="key-word"><Runs text={s.text} spans={slowSpans} cue={t('notes.slowCue')} /></strong>
              : <span key={i}><Runs text={s.text} spans={slowSpans} cue={t('notes.slowCue')} /></span>))}
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
