/** The jump list of flagged moments: each a button that plays from just before the moment. */
import { memo } from 'react';
import { formatClock, formatSeconds, t, type UiLang } from '../../../i18n/index.ts';
import type { CallFinding } from './call-types.ts';
import { findingDetail } from './finding-text.ts';

/** Props of FlagList. */
export interface FlagListProps {
  lang: UiLang;
  flags: readonly (CallFinding & { index: number })[];
  currentFlag: number | null;
  onJump(position: number): void;
}

/** The flags in time order. */
export const FlagList = memo(function FlagList({ lang, flags, currentFlag, onJump }: FlagListProps): React.JSX.Element {
  return (
    <section className="call-card call-flags" aria-labelledby="call-flags-title">
      <h3 id="call-flags-title">{t(lang, 'call.flags.title', { count: flags.length })}</h3>
      {flags.length === 0 ? <p className="muted">{t(lang, 'call.flags.none')}</p> : (
        <ol className="call-flag-list" data-testid="call-flag-list">
          {flags.map((f, pos) => {
            const name = t(lang, `call.finding.${f.id}.name`);
            const detail = findingDetail(lang, f);
            return (
              <li key={f.index}>
                <button
                  type="button"
                  className={`call-flag-item call-flag-${f.id}`}
                  data-finding-id={f.id}
                  data-start-sec={f.startSec}
                  aria-current={currentFlag === pos ? 'true' : undefined}
                  onClick={() => onJump(pos)}
                >
                  <span className="call-flag-time">{formatClock(f.startSec)}</span>
                  <span className="call-flag-name">{name}</span>
                  <span className="call-flag-detail">{formatSeconds(f.durationSec)} s{detail ? ` · ${detail}` : ''}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
});
