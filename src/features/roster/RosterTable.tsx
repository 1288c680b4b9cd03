/**
 * The roster table: one row per agent and drill, column headers that sort (buttons, aria-sort), per
 * guideline the latest and best value with its unit and status word and a sparkline of the values over
 * attempts (with the same values as text), the comparison with the model take, and a button that opens
 * the row's takes. The table scrolls inside its own box on a narrow screen.
 */
import { guidelineLabel, statusLabel, unitLabel } from '../../i18n/index.ts';
import type { GuidelineId } from '../../guidelines/ids.ts';
import type { ModelComparison, ResultVerdict, RosterCell } from '../../packs/index.ts';
import { useApp } from '../../services/app-context.ts';
import { ariaSort, comparisonText, drillTitle, rowKey, sparklineRuns, valueText, type RosterSort, type SortKey } from './roster-model.ts';

/** Props of RosterTable. */
export interface RosterTableProps {
  cells: readonly RosterCell[];
  guidelines: readonly GuidelineId[];
  sort: RosterSort;
  onSort: (key: SortKey) => void;
  onOpen: (cell: RosterCell, opener: HTMLButtonElement) => void;
  openKey: string | null;
}

const SPARK_W = 64;
const SPARK_H = 20;

/** A value with unit and status word, e.g. "4.2 syl/s · good". */
export function VerdictText({ verdict, guideline }: { verdict: ResultVerdict | null; guideline: GuidelineId }): React.JSX.Element {
  const { uiLang } = useApp();
  if (verdict === null) return <span className="roster-verdict">—</span>;
  return (
    <span className="roster-verdict" data-status={verdict.status} data-value={verdict.value === null ? '' : String(verdict.value)}>
      <span className="roster-value">{valueText(verdict, unitLabel(uiLang, verdict.unit))}</span>{' '}
      <span className={`roster-status status-${verdict.status}`}>{statusLabel(uiLang, guideline, verdict.status)}</span>
    </span>
  );
}

/** The comparison with the model take, as three labelled figures. */
export function ModelText({ model }: { model: ModelComparison | null }): React.JSX.Element {
  const { t } = useApp();
  if (model === null) return <span className="hint">{t('roster.model.none')}</span>;
  return (
    <ul className="roster-model" data-rate-ratio={model.rateRatio ?? ''} data-variety-ratio={model.pitchVarietyRatio ?? ''} data-contour-st={model.contourDistanceSt ?? ''}>
      <li>{t('roster.model.rate', { value: comparisonText(model.rateRatio) })}</li>
      <li>{t('roster.model.variety', { value: comparisonText(model.pitchVarietyRatio) })}</li>
      <li>{t('roster.model.contour', { value: comparisonText(model.contourDistanceSt) })}</li>
    </ul>
  );
}

function Sparkline({ values }: { values: readonly (number | null)[] }): React.JSX.Element {
  const { t } = useApp();
  const runs = sparklineRuns(values, SPARK_W, SPARK_H);
  const text = values.some((v) => v !== null)
    ? t('roster.trend', { count: values.length, values: values.map((v) => (v === null ? '—' : String(v))).join(', ') })
    : t('roster.trend.none');
  return (
    <span className="roster-trend">
      <svg width={SPARK_W} height={SPARK_H} viewBox={`0 0 ${SPARK_W} ${SPARK_H}`} aria-hidden="true" focusable="false">
        {runs.map((points, i) => (points.includes(' ')
          ? <polyline key={i} points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
          : <circle key={i} cx={points.split(',')[0]} cy={points.split(',')[1]} r="1.8" fill="currentColor" />))}
      </svg>
      <span className="visually-hidden" data-trend={values.map((v) => (v === null ? '' : String(v))).join(',')}>{text}</span>
    </span>
  );
}

function SortHeader({ label, sortKey, sort, onSort, className }: { label: string; sortKey: SortKey; sort: RosterSort; onSort: (k: SortKey) => void; className?: string }): React.JSX.Element {
  const state = ariaSort(sort, sortKey);
  return (
    <th scope="col" aria-sort={state} className={className}>
      <button type="button" className="roster-sort" data-sort={sortKey} onClick={() => onSort(sortKey)}>
        {label}<span aria-hidden="true" className="roster-sort-mark">{state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : ''}</span>
      </button>
    </th>
  );
}

/** The table. */
export function RosterTable({ cells, guidelines, sort, onSort, onOpen, openKey }: RosterTableProps): React.JSX.Element {
  const { t, uiLang } = useApp();
  return (
    <div className="roster-scroll" role="region" aria-labelledby="roster-caption" tabIndex={0}>
      <table className="roster-table" data-testid="roster-table">
        <caption id="roster-caption" className="visually-hidden">{t('roster.table.caption')}</caption>
        <thead>
          <tr>
            <SortHeader label={t('roster.col.agent')} sortKey="agent" sort={sort} onSort={onSort} />
            <SortHeader label={t('roster.col.drill')} sortKey="drill" sort={sort} onSort={onSort} />
            <SortHeader label={t('roster.col.attempts')} sortKey="attempts" sort={sort} onSort={onSort} />
            <SortHeader label={t('roster.col.due')} sortKey="due" sort={sort} onSort={onSort} />
            <SortHeader label={t('roster.col.overdue')} sortKey="overdue" sort={sort} onSort={onSort} />
            <SortHeader label={t('roster.col.complete')} sortKey="complete" sort={sort} onSort={onSort} />
            {guidelines.map((g) => (
              <SortHeader key={g} label={guidelineLabel(uiLang, g)} sortKey={`latest:${g}`} sort={sort} onSort={onSort} />
            ))}
            <th scope="col">{t('roster.col.model')}</th>
            <th scope="col">{t('roster.col.takes')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => {
            const key = rowKey(c);
            const title = drillTitle(c, uiLang);
            return (
              <tr key={`${c.packId}/${key}`} data-testid={`roster-row-${key}`} data-agent-id={c.agentId} data-drill-id={c.drillId}
                className={c.overdue ? 'roster-overdue' : undefined}>
                <th scope="row">{c.agentName || c.agentId}</th>
                <td>{title}</td>
                <td data-field="attempts">{t('roster.attempts', { done: c.attempts, required: c.attemptsRequired })}</td>
                <td data-field="due">{c.dueDate ?? t('roster.noDue')}</td>
                <td data-field="overdue">{c.overdue ? <strong className="roster-flag">{t('roster.overdue.yes')}</strong> : t('roster.overdue.no')}</td>
                <td data-field="complete">{t(c.complete ? 'roster.complete.yes' : 'roster.complete.no')}</td>
                {guidelines.map((g) => {
                  const entry = c.guidelines.find((x) => x.guideline === g) ?? null;
                  return (
                    <td key={g} data-guideline={g}>
                      <dl className="roster-pair">
                        <div data-kind="latest"><dt>{t('roster.latest')}</dt><dd><VerdictText verdict={entry?.latest ?? null} guideline={g} /></dd></div>
                        <div data-kind="best"><dt>{t('roster.best')}</dt><dd><VerdictText verdict={entry?.best ?? null} guideline={g} /></dd></div>
                      </dl>
                      <Sparkline values={entry?.trend ?? []} />
                    </td>
                  );
                })}
                <td data-field="model"><ModelText model={c.latestModel} /></td>
                <td>
                  <button type="button" data-action="open-takes" aria-expanded={openKey === `${c.packId}/${key}`}
                    aria-label={t('roster.openLabel', { agent: c.agentName || c.agentId, drill: title })}
                    onClick={(e) => onOpen(c, e.currentTarget)}>
                    {t('roster.open')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
