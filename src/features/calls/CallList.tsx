/** The stored calls, newest first, from their summaries: file, when, length, talk share, flagged moments, audio kept; open and delete. */
import { formatClock, formatWhen } from '../../i18n/index.ts';
import type { CallSummaryRecord } from '../../storage/index.ts';
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { talkShareText } from './calls-model.ts';

/** Props of CallList. */
export interface CallListProps {
  calls: CallSummaryRecord[] | null;
  onDelete: (call: CallSummaryRecord) => void;
}

/** The list card. */
export function CallList({ calls, onDelete }: CallListProps): React.JSX.Element {
  const { t, uiLang } = useApp();
  return (
    <section className="card call-list" aria-labelledby="call-list-title" data-testid="call-list">
      <h3 id="call-list-title">{t('calls.list.title')}</h3>
      {calls === null && <p role="status">{t('app.loading')}</p>}
      {calls !== null && calls.length === 0 && <p className="empty-state">{t('calls.list.empty')}</p>}
      {calls !== null && calls.length > 0 && (
        <ul className="calls">
          {calls.map((call) => (
            <li key={call.id} data-call-id={call.id} data-findings={call.findingCount} data-keep-audio={call.keepAudio}>
              <a className="call-name" href={routeHref({ screen: 'call', callId: call.id })}>{call.fileName}</a>
              <span className="muted"> · {formatWhen(new Date(call.createdAt).toISOString(), uiLang)} · {formatClock(call.durationSec)}</span>
              <p className="call-facts">
                {talkShareText(uiLang, call)} · <span className="call-findings">{t('calls.list.findings', { count: call.findingCount })}</span>
                {' · '}{t(call.keepAudio ? 'calls.list.audioKept' : 'calls.list.analysisOnly')}
              </p>
              <button type="button" className="danger" data-action="delete-call" aria-label={t('calls.deleteLabel', { file: call.fileName })} onClick={() => onDelete(call)}>
                {t('calls.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
