/** The practice screen: pick a drill, read the script, record with live meters, get the scorecard. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../takes/index.ts';
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { findBuiltInDrill, renderDrill, type Drill } from '../../drills/index.ts';
import type { Profile } from '../../storage/index.ts';
import type { TakeRecord } from '../../storage/index.ts';
import { pickDrill } from './drill-menu-model.ts';
import { DrillPicker } from './DrillPicker.tsx';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { isCapturing, spaceAction, statusMessage, stopNotice } from './practice-model.ts';
import { RecordPanel } from './RecordPanel.tsx';
import { MAX_TAKE_SEC } from '../../capture/recording-model.ts';
import { meterBandOf } from '../../capture/level-meter-model.ts';
import { ScorecardView } from './ScorecardView.tsx';
import { scorecardAnnouncement, scorecardOf } from './scorecard-view-model.ts';
import { ScriptView } from './ScriptView.tsx';
import { drillOfTake, toBaseline } from '../../takes/index.ts';
import { usePractice } from './use-practice.ts';
import { useSpaceKey } from './use-space-key.ts';
import { useCallExists, useUserDrills } from './use-user-drills.ts';
import { AssignedList, DrillNotesView, ModelComparisonView, useAssigned } from '../packs/components.ts';

// A slow-down span with its placeholders filled as renderDrill fills the script (the span is rendered as a one-part passage).
function fillSpan(span: string, drill: Drill, profile: Profile): string {
  return renderDrill({ ...drill, kind: 'passage', template: span }, profile).script;
}

/** Props of PracticeScreen. */
export interface PracticeScreenProps {
  /** A recovered take to analyse now (from the recovery banner). */
  recovered: TakeRecord | null;
  onRecoveredTaken: () => void;
  /** A drill to select (#/practice/<drillId>): one the agent made from a call, or a built-in one (a call's greeting). */
  wantedDrillId?: string;
}

/** The practice screen. */
export function PracticeScreen({ recovered, onRecoveredTaken, wantedDrillId }: PracticeScreenProps): React.JSX.Element {
  const { t, uiLang, store, profile, prefs } = useApp();
  const [lang, setLang] = useState<Lang>(profile.scriptLang);
  const [drillId, setDrillId] = useState<string | null>(null);
  const userRecords = useUserDrills(store, wantedDrillId ?? null);
  const userDrills = useMemo(() => userRecords.map((r) => r.drill), [userRecords]);
  // Read again once each take's report is stored, so the Assigned list counts it.
  const [savedTakes, setSavedTakes] = useState(0);
  const assigned = useAssigned(store, savedTakes);
  const assignedDrills = useMemo(() => assigned.items.map((i) => i.drill), [assigned.items]);
  const drill = pickDrill(lang, drillId, userDrills, assignedDrills);
  const assignedItem = assigned.items.find((i) => i.drill.id === drill.id && i.drill.version === drill.version) ?? null;
  const source = userRecords.find((r) => r.id === drill.id) ?? null;
  const sourceExists = useCallExists(store, source?.sourceCallId ?? null);
  const rendered = useMemo(() => renderDrill(drill, profile), [drill, profile]);
  // The trainer's slow-down spans filled as the script is ({name}, {company}), so they are found in the shown text.
  const slowSpans = useMemo(() => (assignedItem?.slowSpans ?? []).map((s) => fillSpan(s, drill, profile)), [assignedItem, drill, profile]);
  const baseline = useMemo(() => toBaseline(profile.baseline), [profile.baseline]);
  // Built once per drill, not on every live snapshot (each captured block re-renders the screen).
  const meterBand = useMemo(() => meterBandOf(drill.bands.volume), [drill]);
  const practice = usePractice({ store, drill, rendered, baseline, countInSec: prefs.countInSec });
  const { state, result } = practice;

  const { analyseStored } = practice;
  const handledRecovery = useRef<string | null>(null);
  useEffect(() => {
    if (recovered === null || handledRecovery.current === recovered.id) return;
    handledRecovery.current = recovered.id;
    const d = drillOfTake(recovered);
    if (d) {
      setLang(d.lang);
      setDrillId(d.id);
    }
    analyseStored(recovered);
    onRecoveredTaken();
  }, [recovered, onRecoveredTaken, analyseStored]);
  // The drill asked for by the route: a built-in one at once, one of the agent's once their drills are read.
  const { reset } = practice;
  const selectedWanted = useRef<string | null>(null);
  useEffect(() => {
    if (!wantedDrillId || selectedWanted.current === wantedDrillId) return;
    const wanted = findBuiltInDrill(wantedDrillId) ?? userRecords.find((r) => r.id === wantedDrillId)?.drill
      ?? assignedDrills.find((d) => d.id === wantedDrillId);
    if (!wanted) return;
    selectedWanted.current = wantedDrillId;
    setLang(wanted.lang);
    setDrillId(wanted.id);
    reset();
  }, [wantedDrillId, userRecords, assignedDrills, reset]);
  useEffect(() => {
    if (!result) return;
    let live = true;
    result.saved.then(() => { if (live) setSavedTakes((n) => n + 1); }, () => undefined);
    return () => { live = false; };
  }, [result]);
  const card = useMemo(() => (result ? scorecardOf(result, uiLang, baseline) : null), [result, uiLang, baseline]);

  useSpaceKey(() => {
    const action = spaceAction(state);
    if (action === 'start') practice.start();
    else if (action === 'skipCountIn') practice.skipCountIn();
    else if (action === 'stop') practice.stop();
    return action !== null;
  });

  const capturing = isCapturing(state) || state.phase === 'finishing' || state.phase === 'analysing';
  const message = statusMessage(state);
  const status = state.phase === 'scorecard' && card ? scorecardAnnouncement(card, uiLang) : message ? t(message.key, message.params) : null;
  const notice = stopNotice(state);
  const chooseDrill = (id: string): void => {
    setDrillId(id);
    practice.reset();
  };
  const openAssigned = (d: { id: string; lang: Lang }): void => {
    setLang(d.lang);
    chooseDrill(d.id);
  };
  const assignedList = <AssignedList assigned={assigned} currentDrillId={drill.id} onOpen={openAssigned} disabled={capturing} />;

  return (
    <section className="screen practice" aria-labelledby="practice-title">
      <h2 id="practice-title" tabIndex={-1}>{t('nav.practice')}</h2>
      <div className="practice-layout">
        <DrillPicker lang={lang} drillId={drill.id} userDrills={userDrills} assignedDrills={assignedDrills} disabled={capturing} onLang={(l) => { setLang(l); setDrillId(null); practice.reset(); }} onDrill={chooseDrill} />
        <div className="practice-main">
          {/* Always here (not moved once a pack arrives): the import inside it keeps its state while the models are analysed. */}
          {assignedList}
          {assignedItem && <DrillNotesView item={assignedItem} />}
          {source && (
            <p className="drill-source" data-source-call={source.sourceCallId}>
              {sourceExists === false
                ? t('practice.fromCallDeleted', { file: source.sourceFileName })
                : <a href={routeHref({ screen: 'call', callId: source.sourceCallId })}>{t('practice.fromCall', { file: source.sourceFileName })}</a>}
            </p>
          )}
          <ScriptView drill={drill} rendered={rendered} slowSpans={slowSpans} />
          <RecordPanel state={state} live={practice.live} maxSec={MAX_TAKE_SEC[drill.kind]} status={status} meterBand={meterBand}
            onStart={practice.start} onSkipCountIn={practice.skipCountIn} onStop={practice.stop} />
          {notice && (state.phase === 'analysing' || state.phase === 'scorecard') && <p className="notice" data-notice={state.stopReason ?? ''}>{t(notice.key, notice.params)}</p>}
          {state.storageError && <p className="notice notice-error" role="alert" data-storage-error={state.storageError}>{t(storageErrorMessage(state.storageError))}</p>}
          {state.phase === 'error' && (
            <p className="notice notice-error" role="alert" data-testid="practice-error">
              {state.errorText === null
                ? (state.storageError ? t('practice.notSaved') : t('practice.nothingSaved'))
                : t('practice.analysisFailed', { detail: state.errorText })}
            </p>
          )}
          {state.phase === 'scorecard' && result && (
            <ScorecardView analysed={result} baseline={baseline} measureFromStop audio={practice.lastAudio}
              reviewHref={state.storageError ? null : routeHref({ screen: 'take', takeId: result.take.id })}
              actions={<button type="button" className="primary" onClick={practice.reset} data-action="try-again">{t('practice.tryAgain')}</button>}
              extra={assignedItem?.hasModel && result.take.drill ? (
                <ModelComparisonView packId={assignedItem.packId} drillId={result.take.drillId} drillVersion={result.take.drill.version} report={result.report} />
              ) : null} />
          )}
        </div>
      </div>
    </section>
  );
}
