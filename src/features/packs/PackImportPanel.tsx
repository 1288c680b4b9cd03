/** Import a pack file (practice screen and Settings): choose the file, see the preview, add it or not. */
import { PACK_LIMITS } from '../../packs/types.ts';
import { useApp } from '../../services/app-context.ts';
import { PackImportStatus } from './PackImportStatus.tsx';
import { usePackImport } from './use-pack-import.ts';
import type { Notice } from './import-notice.ts';
import { t as tr } from '../../i18n/index.ts';

/** The file input, the preview and the sentence the import ended with (at first `notice`: a link's import, when given). */
export function PackImportPanel({ onImported, notice }: { onImported?: () => void; notice?: Notice | null }): React.JSX.Element {
  const { t } = useApp();
  const flow = usePackImport(onImported, notice ? { phase: 'done', ...notice } : undefined);
  const { state } = flow;
  const choose = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > PACK_LIMITS.packFileBytes) {
      flow.fail((l) => tr(l, 'packs.tooBig', { max: PACK_LIMITS.packFileBytes / (1024 * 1024) }));
      return;
    }
    flow.reading();
    try {
      // Loaded on demand: the zip reader stays out of the practice screen's bundle until a pack is chosen.
      const { readPackFile } = await import('../../packs/pack-file.ts');
      const read = readPackFile(new Uint8Array(await file.arrayBuffer()));
      if (read.ok) flow.preview(read.value);
      else flow.fail((l) => tr(l, 'packs.readFailed', { detail: read.error }));
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      flow.fail((l) => tr(l, 'packs.readFailed', { detail }));
    }
  };
  const busy = state.phase === 'saving' || state.phase === 'analysing' || state.phase === 'reading';
  return (
    <div className="pack-import">
      <label className="field">
        <span>{t('packs.importFile')}</span>
        <input type="file" accept=".vdpack,application/zip" data-testid="import-pack-file" disabled={busy}
          onChange={(e) => void choose(e.currentTarget)} />
      </label>
      <PackImportStatus state={state} onConfirm={() => void flow.confirm()} onCancel={flow.cancel} />
    </div>
  );
}
