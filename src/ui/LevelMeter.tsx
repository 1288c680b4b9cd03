/** A horizontal level meter with the too-quiet / good / too-loud zones of the recording-level band. */
import { useId } from 'react';
import { GOOD_MAX_DBFS, GOOD_MIN_DBFS, levelZone, meterFraction, METER_FLOOR_DBFS, type LevelZone } from '../capture/level-meter-model.ts';

/** Texts of the meter, in the UI language. */
export interface LevelMeterLabels {
  title: string;
  zones: Record<LevelZone, string>;
  /** The value as read out, e.g. "−22 dBFS, good". */
  valueText: (levelDbfs: number, zone: string) => string;
}

const pct = (dbfs: number): string => `${(meterFraction(dbfs) * 100).toFixed(2)}%`;

/** The meter; `levelDbfs` is the level to show now. */
export function LevelMeter({ levelDbfs, labels }: { levelDbfs: number; labels: LevelMeterLabels }): React.JSX.Element {
  const titleId = useId();
  const zone = levelZone(levelDbfs);
  const shown = Math.max(METER_FLOOR_DBFS, Math.round(levelDbfs));
  return (
    <div className="meter" data-zone={zone}>
      <div className="meter-head">
        <span className="meter-title" id={titleId}>{labels.title}</span>
        <span className={`meter-zone zone-${zone}`} aria-hidden="true">{labels.zones[zone]}</span>
      </div>
      <div
        className="meter-track"
        role="meter"
        aria-labelledby={titleId}
        aria-valuemin={METER_FLOOR_DBFS}
        aria-valuemax={0}
        aria-valuenow={shown}
        aria-valuetext={labels.valueText(shown, labels.zones[zone])}
      >
        <span className="meter-band band-soft" style={{ left: 0, width: pct(GOOD_MIN_DBFS) }} />
        <span className="meter-band band-good" style={{ left: pct(GOOD_MIN_DBFS), width: `calc(${pct(GOOD_MAX_DBFS)} - ${pct(GOOD_MIN_DBFS)})` }} />
        <span className="meter-band band-loud" style={{ left: pct(GOOD_MAX_DBFS), right: 0 }} />
        <span className={`meter-fill zone-${zone}`} style={{ width: pct(levelDbfs) }} />
      </div>
      <div className="meter-scale" aria-hidden="true">
        <span style={{ left: pct(GOOD_MIN_DBFS) }}>{GOOD_MIN_DBFS}</span>
        <span style={{ left: pct(GOOD_MAX_DBFS) }}>{GOOD_MAX_DBFS}</span>
      </div>
    </div>
  );
}
