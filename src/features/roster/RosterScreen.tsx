/**
 * The trainer's roster (#/roster): import agents' results files (picker, or a drop of files or folders
 * anywhere on the screen), then the table of agents × drills with sorting, filtering, a drill-down to an
 * agent's takes, the CSV download and deleting an agent's results. Joined to a team server as a trainer or
 * administrator, the roster reads live from the server by default (the same cells and table; no audio).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { rosterCsv, type RosterCell } from '../../packs/index.ts';
import { useApp } from '../../services/app-context.ts';
import { useDownloads } from '../../ui/use-downloads.ts';
import { dragHasFiles, droppedFiles } from './dropped-files.ts';
import { RosterDelete } from './RosterDelete.tsx';
import { ImportMessage } from './ImportMessage.tsx';
import { RosterTable } from './RosterTable.tsx';
import { RosterTakes } from './RosterTakes.tsx';
import {
  csvBytes, csvFileName, DEFAULT_SORT, filterCells, guidelineColumns, localDay, nextSort, NO_FILTER, RESULTS_EXTENSION,
  rowKey, sortCells, type RosterFilter, type RosterSort,
} from './roster-model.ts';
import { useRoster } from './use-roster.ts';
import { useLiveRoster } from './use-live-roster.ts';
import { LiveRosterControls, RosterSourceSwitch, type RosterSource } from './LiveRosterControls.tsx';
import { useTeam } from '../team/components.ts';
import { liveTakesOf, managesPacks } from '../team/index.ts';
import './roster.css';

/** The screen. */
export function RosterScreen(): React.JSX.Element {
  const { t, uiLang, store } = useApp();
  const roster = useRoster(store, {
    tooLarge: (file) => t('roster.import.tooLarge', { file }),
    unreadable: (file) => t('roster.import.unreadable', { file }),
    storeFailed: (file) => t('roster.import.storeFailed', { file }),
  });
  const download = useDownloads();
  const [dragging, setDragging] = useState(false);
  const [sort, setSort] = useState<RosterSort>(DEFAULT_SORT);
  const [filter, setFilter] = useState<RosterFilter>(NO_FILTER);
  const [open, setOpen] = useState<RosterCell | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const importFiles = roster.importFiles;
  const { config } = useTeam();
  const canLive = !!config?.token && managesPacks(config.person?.role);
  const [chosenSource, setChosenSource] = useState<RosterSource | null>(null);
  const source: RosterSource = canLive ? chosenSource ?? 'live' : 'files';
  const live = useLiveRoster(source === 'live');

  // A drop anywhere on the screen imports (folders walked); elsewhere the browser would open the file in place of the app.
  useEffect(() => {
    const types = (e: DragEvent): string[] | null => (e.dataTransfer ? [...e.dataTransfer.types] : null);
    const over = (e: DragEvent): void => {
      if (!dragHasFiles(types(e))) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent): void => { if (e.relatedTarget === null) setDragging(false); };
    const drop = (e: DragEvent): void => {
      if (!e.dataTransfer || !dragHasFiles(types(e))) return;
      e.preventDefault();
      setDragging(false);
      droppedFiles(e.dataTransfer).then((files) => importFiles(files), () => importFiles([]));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  const sourceCells = source === 'live' ? live.cells : roster.cells;
  const cells = useMemo(() => sourceCells ?? [], [sourceCells]);
  const shown = useMemo(() => sortCells(filterCells(cells, filter), sort, uiLang), [cells, filter, sort, uiLang]);
  const guidelines = useMemo(() => guidelineColumns(cells), [cells]);
  const openKey = open ? `${open.packId}/${rowKey(open)}` : null;
  // The open row after a refresh (an import may have added takes; a delete may have removed it).
  const openCell = open ? cells.find((c) => c.packId === open.packId && rowKey(c) === rowKey(open)) ?? null : null;

  const close = (): void => {
    setOpen(null);
    opener.current?.focus();
  };

  return (
    <section className="screen roster" aria-labelledby="roster-title" data-dragging={dragging}>
      <h2 id="roster-title">{t('roster.title')}</h2>
      <p className="hint">{t('roster.intro')}</p>

      {canLive && <RosterSourceSwitch source={source} onChange={(s) => { setChosenSource(s); setOpen(null); }} />}
      {source === 'live' && <LiveRosterControls live={live} />}

      {source === 'files' && <section className="card" aria-labelledby="roster-import-title">
        <h3 id="roster-import-title">{t('roster.import.title')}</h3>
        <label className="field">
          <span>{t('roster.import.pick')}</span>
          <input type="file" multiple accept={RESULTS_EXTENSION} data-testid="import-results" disabled={!store || roster.progress !== null}
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              if (files.length > 0) void importFiles(files);
            }} />
        </label>
        <p className="hint">{dragging ? t('roster.import.dropHere') : t('roster.import.drop')}</p>
        {roster.progress && (
          <div role="status" className="roster-progress" data-testid="roster-import-progress">
            <progress max={roster.progress.total} value={roster.progress.done} aria-label={t('roster.import.progressLabel')} />
            <p>{t('roster.import.progress', { done: roster.progress.done + 1, total: roster.progress.total, file: roster.progress.fileName })}</p>
          </div>
        )}
        {roster.lastImport && <ImportMessage totals={roster.lastImport} />}
      </section>}

      {source === 'files' && !store && <p role="alert" className="notice notice-error">{t('roster.noStore')}</p>}
      {source === 'files' && roster.loadError && <p role="alert" className="notice notice-error">{t('roster.loadError')}</p>}
      {source === 'files' && roster.cells !== null && cells.length === 0 && store && !roster.loadError && (
        <p className="notice roster-empty" data-testid="roster-empty">{t('roster.empty')}</p>
      )}
      {source === 'live' && live.cells !== null && cells.length === 0 && live.error === null && (
        <p className="notice roster-empty" data-testid="roster-empty">{t('team.roster.empty')}</p>
      )}

      {cells.length > 0 && (
        <section className="card roster-results" aria-labelledby="roster-results-title">
          <h3 id="roster-results-title" className="visually-hidden">{t('roster.title')}</h3>
          <div className="roster-controls">
            <label className="field roster-filter">
              <span>{t('roster.filter.label')}</span>
              <input type="search" data-testid="roster-filter" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.currentTarget.value })} />
            </label>
            <label className="roster-toggle">
              <input type="checkbox" data-testid="roster-overdue-only" checked={filter.overdueOnly} onChange={(e) => setFilter({ ...filter, overdueOnly: e.currentTarget.checked })} />
              <span>{t('roster.filter.overdue')}</span>
            </label>
            <label className="roster-toggle">
              <input type="checkbox" data-testid="roster-incomplete-only" checked={filter.incompleteOnly} onChange={(e) => setFilter({ ...filter, incompleteOnly: e.currentTarget.checked })} />
              <span>{t('roster.filter.incomplete')}</span>
            </label>
            <button type="button" data-testid="roster-csv" onClick={() => {
              download(new Blob([csvBytes(rosterCsv(cells)) as Uint8Array<ArrayBuffer>], { type: 'text/csv;charset=utf-8' }), csvFileName(localDay(new Date())));
            }}>{t('roster.csv')}</button>
          </div>
          <p className="hint" role="status" data-testid="roster-count">{t('roster.count', { shown: shown.length, total: cells.length })}</p>
          {shown.length === 0
            ? <p className="notice">{t('roster.noMatch')}</p>
            : <RosterTable cells={shown} guidelines={guidelines} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} openKey={openCell ? openKey : null}
                onOpen={(cell, button) => { opener.current = button; setOpen(cell); }} />}
        </section>
      )}

      {openCell && <RosterTakes key={`${source}:${openKey ?? ''}:${openCell.takeIds.join(',')}`} cell={openCell} onClose={close}
        liveTakes={source === 'live' ? liveTakesOf(live.inputs ?? [], openCell) : undefined} />}

      {source === 'files' && cells.length > 0 && <RosterDelete cells={cells} onDelete={roster.deleteAgent} />}
    </section>
  );
}
