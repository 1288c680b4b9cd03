/**
 * A minimal view of one stored call (file, length, channel, talk share, flagged moments) until the call
 * page (src/features/calls/page: timeline, flags, report, notes) is mounted in CallScreen in its place.
 */
import { formatClock } from '../../i18n/index.ts';
import type { CallRecord } from '../../calls/index.ts';
import { useApp } from '../../services/app-context.ts';
import { talkShareText } from './calls-model.ts';

/** The call's key figures as a definition list. */
export function CallSummary({ call }: { call: CallRecord }): React.JSX.Element {
  const { t, uiLang } = useApp();
  const channel = call.agentChannel === 'mono' ? null : t(`calls.channel.${call.agentChannel}`);
  return (
    <section className="card call-summary" data-testid="call-summary" data-call-id={call.id} data-findings={call.report.findings.length}>
      <dl>
        <dt>{t('calls.view.file')}</dt><dd className="call-name">{call.fileName}</dd>
        <dt>{t('calls.view.duration')}</dt><dd>{formatClock(call.durationSec)}</dd>
        {channel && <><dt>{t('calls.view.channel')}</dt><dd>{channel}</dd></>}
        <dt>{t('calls.view.talkShare')}</dt><dd>{talkShareText(uiLang, call.report)}</dd>
        <dt>{t('calls.view.findings')}</dt><dd className="call-findings">{call.report.findings.length}</dd>
        <dt>{t('calls.view.audio')}</dt><dd>{t(call.keepAudio ? 'calls.list.audioKept' : 'calls.list.analysisOnly')}</dd>
      </dl>
    </section>
  );
}
