/** The trainer's word with an assigned drill on the practice screen: the pack, due date, attempts, notes and the passages to say slowly. */
import { useApp } from '../../services/app-context.ts';
import type { AssignedItem } from './assigned-model.ts';

/** The notes card (rendered as text: the notes come from outside the app). */
export function DrillNotesView({ item }: { item: AssignedItem }): React.JSX.Element {
  const { t } = useApp();
  return (
    <section className="card drill-notes" data-testid="drill-notes-view" aria-labelledby="drill-notes-title">
      <h3 id="drill-notes-title">{t('notes.title')}</h3>
      <p>
        {t('notes.pack', { title: item.packTitle })}
        {' · '}{item.dueDate === null ? t('assigned.noDue') : t('assigned.due', { date: item.dueDate })}
        {' · '}{t('assigned.attempts', { done: item.done, required: item.required })}
        {item.overdue && <>{' · '}<strong className="assigned-overdue">{t('assigned.overdue')}</strong></>}
      </p>
      {item.notes !== '' && <p className="drill-notes-text">{item.notes}</p>}
      {item.slowSpans.length > 0 && <p className="hint">{t('notes.slow', { spans: item.slowSpans.map((s) => s.replace(/\*/g, '')).join(' · ') })}</p>}
    </section>
  );
}
