import { describe, expect, it } from 'vitest';
import { exportMessage, importMessage, profileSummary } from '../../src/features/settings-storage/backup-panel-model.ts';
import { fillsBoth } from '../helpers/profile.ts';

const profile = { fills: fillsBoth('Alex', 'Bluebird'), scriptLang: 'en' as const, uiLang: 'en' as const, baseline: null };
const calibrated = { ...profile, baseline: { medianHz: 110, activeLevelDbfs: -24, recordedAt: '2026-11-01T08:00:00.000Z', analysisVersion: '1.0.0' } };

describe('backup panel texts', () => {
  it('says what an import did with the takes and with the profile', () => {
    const taken = importMessage({ added: 3, updated: 1, skipped: 2, profileImported: true, profile: 'taken', callsAdded: 0, callsSkipped: 0 }, calibrated, 'en');
    expect(taken).toBe('Imported 3 new takes; 1 updated with newer scores; 2 were already here. Took the backup’s profile and calibration.');
    expect(importMessage({ added: 0, updated: 0, skipped: 1, profileImported: true, profile: 'taken', callsAdded: 0, callsSkipped: 0 }, profile, 'en')).toMatch(/holds no calibration\)\.$/);
    expect(importMessage({ added: 1, updated: 0, skipped: 0, profileImported: false, profile: 'kept', callsAdded: 0, callsSkipped: 0 }, calibrated, 'en')).toMatch(/Kept this computer’s profile and calibration\.$/);
    expect(importMessage({ added: 1, updated: 0, skipped: 0, profileImported: false, profile: 'none', callsAdded: 0, callsSkipped: 0 }, null, 'zh-CN')).toMatch(/备份里没有个人资料/);
  });

  it('says what happened to the calls, only when the backup held any', () => {
    const kept = { added: 1, updated: 0, skipped: 0, profileImported: false, profile: 'kept' as const };
    expect(importMessage({ ...kept, callsAdded: 2, callsSkipped: 1 }, calibrated, 'en'))
      .toBe('Imported 1 new take; 0 updated with newer scores; 0 were already here. Calls: 2 new; 1 already here, kept as they were. Kept this computer’s profile and calibration.');
    expect(importMessage({ ...kept, callsAdded: 0, callsSkipped: 0 }, calibrated, 'en')).not.toMatch(/Calls/);
    expect(importMessage({ ...kept, callsAdded: 3, callsSkipped: 0 }, calibrated, 'zh-CN')).toMatch(/通话：3 个新的/);
  });

  it('says what happened to drills made from calls, packs and the roster, only when the backup held any', () => {
    const kept = { added: 0, updated: 0, skipped: 0, profileImported: false, profile: 'none' as const, callsAdded: 0, callsSkipped: 0 };
    const packs = {
      userDrillsAdded: 2, userDrillsSkipped: 1, assignedAdded: 1, assignedUpdated: 1, assignedSkipped: 1, authoredAdded: 3, authoredSkipped: 0,
      modelsAdded: 4, rosterTakesAdded: 5, rosterTakesSkipped: 2, rosterPacksAdded: 1, rosterPacksSkipped: 1,
    };
    expect(importMessage({ ...kept, packs }, null, 'en')).toBe('Imported 0 new takes; 0 updated with newer scores; 0 were already here. Drills made from calls: 2 new. Packs: 4 new; 1 replaced by a newer version. Roster: 5 new takes. 5 already here, kept as they were. The backup holds no profile; this computer’s was kept.');
    expect(importMessage({ ...kept, packs }, null, 'zh-CN')).toMatch(/从通话做的练习：2 个新的。练习包：4 个新的；1 个换成了较新的版本。学员名单：5 次新录音。5 项本来就在，保持原样。/);
    expect(importMessage({ ...kept, packs: { ...packs, rosterTakesAdded: 1 } }, null, 'en')).toMatch(/Roster: 1 new take\. /);
    expect(importMessage(kept, null, 'en')).not.toMatch(/Packs/);
  });

  it('says what an export put in: calls with audio or as analysis only, reflections left out unless asked', () => {
    expect(exportMessage(2, 0, 0, {}, 'en')).toBe('Exported 2 takes. Keep the file somewhere safe.');
    expect(exportMessage(1, 3, 0, {}, 'en')).toBe('Exported 1 take. Keep the file somewhere safe. It holds 3 calls as analysis only. Your private reflections were left out.');
    expect(exportMessage(0, 1, 1, { callAudio: true, reflections: true }, 'en')).toBe('Exported 0 takes. Keep the file somewhere safe. It holds 1 call with its kept audio.');
    expect(exportMessage(0, 2, 2, { callAudio: true }, 'zh-CN')).toMatch(/2 个通话及其保留的音频。.*私人反思没有放进去/);
    // Audio asked for, but one of the calls was kept as analysis only: said so, not "2 calls with their kept audio".
    expect(exportMessage(0, 2, 1, { callAudio: true, reflections: true }, 'en')).toBe('Exported 0 takes. Keep the file somewhere safe. It holds 2 calls: 1 with its kept audio, the rest as analysis only.');
    expect(exportMessage(0, 3, 2, { callAudio: true, reflections: true }, 'zh-CN')).toMatch(/3 个通话：2 个带有保留的音频，其余只有分析。$/);
    expect(exportMessage(0, 2, 0, { callAudio: true, reflections: true }, 'en')).toBe('Exported 0 takes. Keep the file somewhere safe. It holds 2 calls as analysis only.');
  });

  it('sums a profile up by name, company and calibration', () => {
    expect(profileSummary(profile, 'en')).toBe('Alex, Bluebird — not calibrated');
    expect(profileSummary({ ...profile, fills: fillsBoth('', '') }, 'en')).toBe('no name — not calibrated');
    expect(profileSummary(calibrated, 'en')).toMatch(/^Alex, Bluebird — calibrated .*2026/);
  });
});
