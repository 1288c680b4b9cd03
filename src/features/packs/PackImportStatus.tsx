/** The preview of a pack being imported (file or link) and the sentence of where its import is, or how it ended. */
import { useApp } from '../../services/app-context.ts';
import { PackPreview } from './PackPreview.tsx';
import type { PackImportState } from './use-pack-import.ts';

/** Props of PackImportStatus. */
export interface PackImportStatusProps {
  state: PackImportState;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The preview (while one is shown or being saved) and the status line (`pack-import-result` once done). */
export function PackImportStatus({ state, onConfirm, onCancel }: PackImportStatusProps): React.JSX.Element {
  const { t, uiLang } = useApp();
  return (
    <>
      {(state.phase === 'preview' || state.phase === 'saving' || state.phase === 'analysing') && (
        <PackPreview read={state.read} busy={state.phase !== 'preview'} onConfirm={onConfirm} onCancel={onCancel} />
      )}
      <p role="status" className={state.phase === 'done' && !state.ok ? 'notice notice-error' : 'hint'} data-testid={state.phase === 'done' ? 'pack-import-result' : undefined}>
        {state.phase === 'reading' && t('packs.reading')}
        {state.phase === 'saving' && t('packs.saving')}
        {state.phase === 'analysing' && t('packs.analysingModels')}
        {state.phase === 'done' && state.text(uiLang)}
      </p>
    </>
  );
}
