/**
 * The screen of a trainer's pack link (#/pack/<payload>): the pack read from the link (never sent anywhere) shown as a
 * preview, or the one sentence why it cannot be read. Adding or cancelling replaces this history entry with
 * #/practice, so the pack's data does not stay in the history; the sentence the import ended with is shown there.
 */
import { useEffect } from 'react';
import { useApp } from '../../services/app-context.ts';
import { leaveImportNotice } from './import-notice.ts';
import { PackImportStatus } from './PackImportStatus.tsx';
import { usePackImport } from './use-pack-import.ts';
import { t as tr } from '../../i18n/index.ts';

// Replace this entry (the link) with the practice screen; a hash change, so the shell follows it.
function leaveForPractice(): void {
  window.location.replace('#/practice');
}

/** The screen of a pack link. */
export function PackLinkScreen({ payload }: { payload: string }): React.JSX.Element {
  const { t } = useApp();
  const flow = usePackImport();
  const { state, reading, preview, fail } = flow;
  useEffect(() => {
    let live = true;
    reading();
    // Loaded on demand: the link decoder (inflate) is not in the practice screen's bundle.
    import('../../packs/link.ts').then(({ readPackLink }) => {
      if (!live) return;
      const read = readPackLink(payload);
      if (read.ok) preview(read.value);
      else fail((l) => tr(l, 'packs.readFailed', { detail: read.error }));
    }, (e: unknown) => {
      const detail = e instanceof Error ? e.message : String(e);
      if (live) fail((l) => tr(l, 'packs.readFailed', { detail }));
    });
    return () => { live = false; };
  }, [payload, reading, preview, fail]);

  const confirm = async (): Promise<void> => {
    const result = await flow.confirm();
    if (result === null) return;
    leaveImportNotice(result);
    leaveForPractice();
  };
  const cancel = (): void => {
    leaveImportNotice({ text: (l) => tr(l, 'packs.import.cancelled'), ok: true });
    leaveForPractice();
  };

  return (
    <section className="screen pack-link" aria-labelledby="pack-link-title">
      <h2 id="pack-link-title" tabIndex={-1}>{t('packs.link.title')}</h2>
      <PackImportStatus state={state} onConfirm={() => void confirm()} onCancel={cancel} />
      {state.phase === 'done' && !state.ok && <p><a href="#/practice" onClick={(e) => { e.preventDefault(); leaveForPractice(); }}>{t('nav.practice')}</a></p>}
    </section>
  );
}
