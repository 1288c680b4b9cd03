/** One stored call (#/call/<id>): loads the record and its kept audio, and shows the call page. */
import { useCallback, useEffect, useState } from 'react';
import type { CallRecord } from '../../calls/index.ts';
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { CallPage, type CallPatch } from './page/CallPage.tsx';

type Loaded = { status: 'loading' } | { status: 'ready'; call: CallRecord; audio: Blob | null } | { status: 'missing' };

/** The call's screen. */
export function CallScreen({ callId }: { callId: string }): React.JSX.Element {
  const { t, store } = useApp();
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

  const onPractisePhrase = useCallback(async (): Promise<void> => {
    throw new Error(t('calls.view.notFound'));
  }, [t]);

  return (
    <section className="screen call" aria-labelledby="call-title">
      <p><a href={routeHref({ screen: 'calls' })}>{t('calls.view.back')}</a></p>
      <h2 id="call-title">{loaded.status === 'ready' ? loaded.call.fileName : t('calls.title')}</h2>
      {loaded.status === 'loading' && <p role="status">{t('calls.view.loading')}</p>}
      {loaded.status === 'missing' && <p role="alert" className="notice notice-error">{t('calls.view.notFound')}</p>}
      {loaded.status === 'ready' && <CallPage call={loaded.call} audio={loaded.audio} onUpdate={onUpdate} onPractisePhrase={onPractisePhrase} />}
    </section>
  );
}
