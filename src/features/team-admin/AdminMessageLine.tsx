/** A form's one-sentence message: role=alert for a failure, status otherwise. */
import { useApp } from '../../services/app-context.ts';
import type { AdminMessage } from './team-admin-model.ts';

export function AdminMessageLine({ message, testId }: { message: AdminMessage | null; testId: string }): React.JSX.Element | null {
  const { t } = useApp();
  if (message === null) return null;
  return <p className={message.error ? 'error-text' : 'ok-text'} role={message.error ? 'alert' : 'status'} data-testid={testId}>{t(message.key, message.params)}</p>;
}
