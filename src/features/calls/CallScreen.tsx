/** One stored call (#/call/<id>): loads the record and shows it (CallSummary until the call page lands). */
import { useEffect, useState } from 'react';
import type { CallRecord } from '../../calls/index.ts';
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { CallSummary } from './CallSummary.tsx';

type Loaded = { status: 'loading' } | { status: 'ready'; call: CallRecord } | { status: 'missing' };

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
    store.getCall(callId).then(
      (call) => { if (live) setLoaded(call ? { status: 'ready', call } : { status: 'missing' }); },
      () => { if (live) setLoaded({ status: 'missing' }); },
    );
    return () => { live = false; };
  }, [store, callId]);

  return (
    <section className="screen call" aria-labelledby="call-title">
      <p><a href={routeHref({ screen: 'calls' })}>{t('calls.view.back')}</a></p>
      <h2 id="call-title">{loaded.status === 'ready' ? loaded.call.fileName : t('calls.title')}</h2>
      {loaded.status === 'loading' && <p role="status">{t('calls.view.loading')}</p>}
      {loaded.status === 'missing' && <p role="alert" className="notice notice-error">{t('calls.view.notFound')}</p>}
      {loaded.status === 'ready' && <CallSummary call={loaded.call} />}
    </section>
  );
}
