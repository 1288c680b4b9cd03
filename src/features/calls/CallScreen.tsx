/** One stored call (#/call/<id>): loads the record and its kept audio, and shows the call page. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CallRecord } from '../../calls/index.ts';
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { CallPage, type CallPatch, type PageReanalyse } from './page/CallPage.tsx';
import { PractiseRefused } from './page/TurnList.tsx';
import { makePhraseDrill } from './phrase-drill-model.ts';
import { useCallReanalyse } from './use-call-reanalyse.ts';

type Loaded = { status: 'loading' } | { status: 'ready'; call: CallRecord; audio: Blob | null } | { status: 'missing' };

/** The call's screen. */
export function CallScreen({ callId }: { callId: string }): React.JSX.Element {
  const { t, store, navigate, profile } = useApp();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    if (!store) {
      setLoaded({ status: 'missing' });
      return;
    }
    // The analysis first; the audio (kept or not) is read with it so playback is ready when the page is.
    store.getCall(callId).then(
      async (call) => {
        if (!call) {
          if (live) setLoaded({ status: 'missing' });
          return;
        }
        const audio = call.keepAudio ? await store.loadCallAudio(callId).catch(() => null) : null;
        if (live) setLoaded({ status: 'ready', call, audio });
      },
      () => { if (live) setLoaded({ status: 'missing' }); },
    );
    return () => { live = false; };
  }, [store, callId]);

  const onUpdate = useCallback(async (patch: CallPatch): Promise<void> => {
    if (!store) throw new Error(t('calls.view.notFound'));
    const saved = await store.updateCall(callId, patch);
    setLoaded((l) => (l.status === 'ready' ? { ...l, call: saved } : l));
  }, [store, callId, t]);

  // A mono call analysed again from its kept audio (its voice chosen, a turn corrected): the page shows the stored result.
  const reanalyser = useCallReanalyse(store, profile.baseline?.activeLevelDbfs ?? null, (saved) => {
    setLoaded((l) => (l.status === 'ready' && l.call.id === saved.id ? { ...l, call: saved } : l));
  });
  const ready = loaded.status === 'ready' ? loaded : null;
  const reanalyse = useMemo((): PageReanalyse | undefined => (ready?.audio ? {
    state: reanalyser.state,
    start: (choice, greeting) => reanalyser.start(ready.call, ready.audio as Blob, choice, greeting),
    cancel: reanalyser.cancel,
  } : undefined), [ready, reanalyser.state, reanalyser.start, reanalyser.cancel]);

  // The turn becomes one of the agent's drills, listed on the call, and practice opens with it selected.
  const onPractisePhrase = useCallback(async (turnIndex: number, script: string | null): Promise<void> => {
    if (!store || loaded.status !== 'ready') throw new Error(t('calls.view.notFound'));
    const made = makePhraseDrill({ call: loaded.call, turnIndex, script, now: Date.now(), nonce: Math.random().toString(36).slice(2, 8) });
    if (!made.ok) throw made.reason === 'noTurn' ? new Error(t('call.practise.error')) : new PractiseRefused(t('call.practise.tooShort'));
    await store.putUserDrill(made.record);
    const saved = await store.updateCall(callId, { drillIds: [...loaded.call.drillIds, made.record.id] });
    setLoaded((l) => (l.status === 'ready' ? { ...l, call: saved } : l));
    navigate({ screen: 'drill', drillId: made.record.id });
  }, [store, loaded, callId, navigate, t]);

  return (
    <section className="screen call" aria-labelledby="call-title">
      <p><a href={routeHref({ screen: 'calls' })}>{t('calls.view.back')}</a></p>
      <h2 id="call-title">{loaded.status === 'ready' ? loaded.call.fileName : t('calls.title')}</h2>
      {loaded.status === 'loading' && <p role="status">{t('calls.view.loading')}</p>}
      {loaded.status === 'missing' && <p role="alert" className="notice notice-error">{t('calls.view.notFound')}</p>}
      {loaded.status === 'ready' && <CallPage call={loaded.call} audio={loaded.audio} onUpdate={onUpdate} onPractisePhrase={onPractisePhrase} reanalyse={reanalyse} />}
    </section>
  );
}
