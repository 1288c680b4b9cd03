import { describe, expect, it } from 'vitest';
import { formatSeconds } from '../../src/i18n/index.ts';
import { summariseTake } from '../../src/features/history/history-model.ts';
import { findBuiltInDrill } from '../../src/drills/index.ts';
import { SCHEMA_VERSION, type TakeRecord } from '../../src/storage/index.ts';

describe('one rounding rule for durations', () => {
  it('shows seconds to one decimal, half up on the stored decimal value', () => {
    // 7.05 is 7.0499999… in binary: toFixed(1) gave "7.0" on the scorecard while History showed 7.1.
    expect((7.05).toFixed(1)).toBe('7.0');
    expect(formatSeconds(7.05)).toBe('7.1');
    expect(formatSeconds(7)).toBe('7.0');
    expect(formatSeconds(7.04)).toBe('7.0');
    expect(formatSeconds(1.15)).toBe('1.2');
    expect(formatSeconds(338_400 / 48_000)).toBe('7.1');
    expect(formatSeconds(0)).toBe('0.0');
    expect(formatSeconds(Number.NaN)).toBe('—');
  });

  it('History shows a take’s stored length by that rule', () => {
    const take: TakeRecord = {
      schemaVersion: SCHEMA_VERSION, id: 't', drillId: 'en-greeting4', drill: findBuiltInDrill('en-greeting4'), script: '',
      createdAt: '2026-11-20T09:00:00.000Z', status: 'recorded', sampleRateHz: 48000, durationSec: 7.05, report: null,
      analysisVersion: null, name: null, failure: null, incomplete: false, countAnyway: false,
    };
    expect(summariseTake(take, 'en').durationText).toBe(`${formatSeconds(7.05)} s`);
    expect(summariseTake(take, 'en').durationText).toBe('7.1 s');
  });
});
