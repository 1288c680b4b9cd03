/**
 * Sharing a pack: the pack file (writePackFile, with the model recordings), the link (packLinkUrl, drills only) with a
 * copy button, and the link's QR code drawn as SVG rectangles (qrModules), or a sentence when the pack is too large.
 * Downloading the file or copying the link marks the pack's version as exported (the next edit bumps it). Joined to a
 * team server as a trainer, "Publish to the team server" sends the same pack.json as the file and marks it the same way.
 */
import { memo, useMemo, useRef, useState } from 'react';
import { packLinkUrl, qrModules, writePackFile, type PackJson } from '../../packs/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { AuthoredPack, VoiceDrillStore } from '../../storage/index.ts';
import { PublishPanel } from '../team/components.ts';
import { packFileName, type FormMessage } from './trainer-model.ts';
import { MessageText, messageOf } from './use-form-message.tsx';
import { useDownloads } from '../../ui/use-downloads.ts';

/** Props of ExportPanel. */
export interface ExportPanelProps {
  record: AuthoredPack;
  /** Mark `exported` (the pack as shared) as this version's export; rejects with a sentence. */
  onExported: (exported: PackJson) => Promise<void>;
}

/** The pack as a link carries it: no models. */
function linkPack(pack: PackJson): PackJson {
  return { ...pack, drills: pack.drills.map((d) => ({ ...d, hasModel: false })) };
}

/** The pack as exported (file and team server alike): its drills' model flags from the stored models, createdAt now. */
async function exportedPackOf(store: VoiceDrillStore, pack: PackJson): Promise<{ exported: PackJson; models: Map<string, Uint8Array> }> {
  const models = new Map<string, Uint8Array>();
  for (const m of await store.listAuthoredModels(pack.id)) {
    if (pack.drills.some((d) => d.drill.id === m.drillId)) models.set(m.drillId, m.wav);
  }
  const exported: PackJson = {
    ...pack, createdAt: new Date().toISOString(), drills: pack.drills.map((d) => ({ ...d, hasModel: models.has(d.drill.id) })),
  };
  return { exported, models };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A QR matrix as SVG: one <rect> per run of dark modules in a row, with a quiet zone of 4 modules. */
// Memoised: a large code has thousands of rectangles, drawn again only when the link changes.
const QrSvg = memo(function QrSvg({ size, dark, label }: { size: number; dark: Uint8Array; label: string }): React.JSX.Element {
  const rects: React.JSX.Element[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (dark[row * size + col] !== 1) { col++; continue; }
      const start = col;
      while (col < size && dark[row * size + col] === 1) col++;
      rects.push(<rect key={`${row}-${start}`} x={start + 4} y={row + 4} width={col - start} height={1} />);
    }
  }
  const full = size + 8;
  return (
    <svg className="trainer-qr" viewBox={`0 0 ${full} ${full}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect x={0} y={0} width={full} height={full} fill="#fff" />
      <g fill="#000">{rects}</g>
    </svg>
  );
});

/** The export section of the pack editor. */
export function ExportPanel({ record, onExported }: ExportPanelProps): React.JSX.Element {
  const { t, store } = useApp();
  const [message, setMessage] = useState<{ m: FormMessage; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const download = useDownloads();
  const linkInput = useRef<HTMLInputElement | null>(null);
  const pack = record.pack;
  const shared = useMemo(() => linkPack(pack), [pack]);
  const link = useMemo((): { url: string } | { error: string } => {
    try {
      return { url: packLinkUrl(location.href, shared) };
    } catch (error) {
      return { error: reason(error) };
    }
  }, [shared]);
  const qr = useMemo(() => {
    if (!('url' in link)) return null;
    try {
      return qrModules(link.url);
    } catch {
      return null;
    }
  }, [link]);

  if (pack.drills.length === 0) {
    return (
      <section className="card" aria-labelledby="export-title">
        <h3 id="export-title">{t('trainer.export.title')}</h3>
        <p className="hint">{t('trainer.export.empty')}</p>
      </section>
    );
  }

  const downloadFile = async (): Promise<void> => {
    if (busy || store === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const { exported, models } = await exportedPackOf(store, pack);
      let bytes: Uint8Array;
      try {
        bytes = writePackFile(exported, models);
      } catch (error) {
        setMessage({ m: { key: 'trainer.export.fileError', detail: reason(error) }, error: true });
        return;
      }
      const name = packFileName(pack.id, pack.version);
      download(new Blob([bytes.slice().buffer], { type: 'application/octet-stream' }), name);
      await onExported(exported);
      setMessage({ m: { key: 'trainer.export.fileDone', params: { file: name } }, error: false });
    } catch (error) {
      setMessage({ m: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  // The stored pack keeps its drills' model flags (the link's copy has none).
  const markLink = (): void => {
    onExported(pack).catch((error: unknown) => setMessage({ m: messageOf(error), error: true }));
  };

  const copyLink = async (): Promise<void> => {
    if (!('url' in link)) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setMessage({ m: { key: 'trainer.export.copied' }, error: false });
    } catch {
      linkInput.current?.focus();
      linkInput.current?.select();
      setMessage({ m: { key: 'trainer.export.copyFallback' }, error: false });
    }
    markLink();
  };

  return (
    <>
      <section className="card trainer-export" aria-labelledby="export-title">
        <h3 id="export-title">{t('trainer.export.title')}</h3>
        <p className="hint">{t('trainer.export.hint')}</p>
        <div className="actions">
          <button type="button" className="primary" data-testid="export-pack-file" disabled={busy} onClick={() => void downloadFile()}>
            {t('trainer.export.file')}
          </button>
        </div>
        {'url' in link ? (
          <>
            <label className="field">
              <span>{t('trainer.export.link')}</span>
              <input type="text" readOnly data-testid="pack-link" ref={linkInput} value={link.url} spellCheck={false} onFocus={(e) => e.target.select()} onCopy={markLink} />
            </label>
            <div className="actions">
              <button type="button" data-testid="copy-pack-link" onClick={() => void copyLink()}>{t('trainer.export.copy')}</button>
            </div>
          </>
        ) : <p className="error-text" data-testid="pack-link-error">{t('trainer.export.linkError')} <span lang="en">{link.error}</span></p>}
        {message !== null && <p className={message.error ? 'error-text' : 'ok-text'} role={message.error ? 'alert' : 'status'} data-testid="export-message"><MessageText m={message.m} /></p>}
        <figure className="trainer-qr-box" data-testid="pack-qr" data-state={qr === null ? 'none' : 'drawn'}>
          <figcaption>{t('trainer.export.qr')}</figcaption>
          {qr === null ? <p className="hint">{t('trainer.export.qrTooLarge')}</p>
            : <QrSvg size={qr.size} dark={qr.dark} label={t('trainer.export.qrLabel', { title: pack.title })} />}
        </figure>
      </section>
      {store !== null && (
        <PublishPanel packId={pack.id} version={pack.version} onPublished={onExported}
          build={async () => (await exportedPackOf(store, pack)).exported} />
      )}
    </>
  );
}
