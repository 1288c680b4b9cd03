/** A horizontal level meter with the too-quiet / good / too-loud zones of the recording-level band. */
import { useId } from 'react';
import { DEFAULT_METER_BAND, levelZone, meterFraction, METER_FLOOR_DBFS, type LevelZone, type MeterBand } from '../capture/level-meter-model.ts';

/** Texts of the meter, in the UI language. */
export interface LevelMeterLabels {
  title: string;
  zones: Record<LevelZone, string>;
  /** The value as read out, e.g. "−22 dBFS, good". */
  valueText: (levelDbfs: number, zone: string) => string;
}

const pct = (dbfs: number): string => `${(meterFraction(dbfs) * 100).toFixed(2)}%`;

/** The meter; `levelDbfs` is the level to show now, `band` the drill's good zone. */
export function LevelMeter({ levelDbfs, labels, band = DEFAULT_METER_BAND }: { levelDbfs: number; labels: LevelMeterLabels; band?: MeterBand }): React.JSX.Element {
  const titleId = useId();
  const zone = levelZone(levelDbfs, band);
  const { goodMinDbfs, goodMaxDbfs } = band;
  const shown = Math.max(METER_FLOOR_DBFS, Math.round(levelDbfs));
  return (
    <div className="meter" data-zone={zone} data-good-min={goodMinDbfs} data-good-max={goodMaxDbfs}>
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
        <span className="meter-band band-soft" style={{ left: 0, width: pct(goodMinDbfs) }} />
        <span className="meter-band band-good" style={{ left: pct(goodMinDbfs), width: `calc(${pct(goodMaxDbfs)} - ${pct(goodMinDbfs)})` }} />
        <span className="meter-band band-loud" style={{ left: pct(goodMaxDbfs), right: 0 }} />
        <span className={`meter-fill zone-${zone}`} style={{ width: pct(levelDbfs) }} />
      </div>
      <div className="meter-scale" aria-hidden="true">
        <span style={{ left: pct(goodMinDbfs) }}>{goodMinDbfs}</span>
        <span style={{ left: pct(goodMaxDbfs) }}>{goodMaxDbfs}</span>
      </div>
    </div>
  );
}
