import { describe, expect, it } from 'vitest';
import { importMessage, profileSummary } from '../../src/features/settings-storage/backup-panel-model.ts';
import { fillsBoth } from '../helpers/profile.ts';

const profile = { fills: fillsBoth('Alex', 'Bluebird'), scriptLang: 'en' as const, uiLang: 'en' as const, baseline: null };
const calibrated = { ...profile, baseline: { medianHz: 110, activeLevelDbfs: -24, recordedAt: '2026-11-01T08:00:00.000Z', analysisVersion: '1.0.0' } };

describe('backup panel texts', () => {
  it('says what an import did with the takes and with the profile', () => {
    const taken = importMessage({ added: 3, updated: 1, skipped: 2, profileImported: true, profile: 'taken' }, calibrated, 'en');
    expect(taken).toBe('Imported 3 new takes; 1 updated with newer scores; 2 were already here. Took the backup’s profile and calibration.');
    expect(importMessage({ added: 0, updated: 0, skipped: 1, profileImported: true, profile: 'taken' }, profile, 'en')).toMatch(/holds no calibration\)\.$/);
    expect(importMessage({ added: 1, updated: 0, skipped: 0, profileImported: false, profile: 'kept' }, calibrated, 'en')).toMatch(/Kept this computer’s profile and calibration\.$/);
    expect(importMessage({ added: 1, updated: 0, skipped: 0, profileImported: false, profile: 'none' }, null, 'zh-CN')).toMatch(/备份里没有个人资料/);
  });

  it('sums a profile up by name, company and calibration', () => {
    expect(profileSummary(profile, 'en')).toBe('Alex, Bluebird — not calibrated');
    expect(profileSummary({ ...profile, fills: fillsBoth('', '') }, 'en')).toBe('no name — not calibrated');
    expect(profileSummary(calibrated, 'en')).toMatch(/^Alex, Bluebird — calibrated .*2026/);
  });
});
