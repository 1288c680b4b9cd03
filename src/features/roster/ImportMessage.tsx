/** The outcome of an import in one line: files read and takes new / already here, then each refused file with the reader's sentence. */
import { useApp } from '../../services/app-context.ts';
import type { ImportTotals } from './roster-model.ts';

/** The message (role=status, or alert when a file was refused). */
export function ImportMessage({ totals }: { totals: ImportTotals }): React.JSX.Element {
  const { t } = useApp();
  const parts: string[] = [];
  if (totals.filesRead > 0 || totals.failures.length === 0) {
    parts.push(totals.filesRead === 0 && totals.failures.length === 0
      ? t('roster.import.noResults')
      : t('roster.import.summary', { files: totals.filesRead, newTakes: totals.newTakes, present: totals.alreadyPresent }));
  }
  // The parts are joined by semicolons: a sentence's own final full stop would stand before one.
  for (const f of totals.failures) parts.push(t('roster.import.failure', { file: f.fileName, error: f.error.replace(/[.。]\s*$/, '') }));
  if (totals.skipped > 0) parts.push(t('roster.import.skipped', { count: totals.skipped }));
  const failed = totals.failures.length > 0;
  return (
    <p role={failed ? 'alert' : 'status'} className={`notice ${failed ? 'notice-error' : 'notice-ok'}`} data-testid="roster-import-result"
      data-new-takes={totals.newTakes} data-already-present={totals.alreadyPresent} data-failed={totals.failures.length}>
      {parts.join(t('roster.import.join'))}
    </p>
  );
}
