/** The backup panel's texts: what an import did, and the two profiles an import can choose between. Pure. */
import { downloadName, exportBackup, type ImportResult } from '../../backup/index.ts';
import type { VoiceDrillStore } from '../../storage/index.ts';
import { t, type UiLang } from '../../i18n/index.ts';
import type { Profile } from '../../storage/index.ts';
import { formatWhen } from '../../i18n/index.ts';

/** What an import did, as sentences: takes added, updated and kept, then what happened to the profile. */
export function importMessage(result: ImportResult, backupProfile: Profile | null, lang: UiLang): string {
  const takes = t(lang, 'backup.imported', { added: result.added, updated: result.updated, skipped: result.skipped });
  const profile = result.profile === 'none' ? t(lang, 'backup.profileNone')
    : result.profile === 'kept' ? t(lang, 'backup.profileKept')
      : t(lang, backupProfile?.baseline ? 'backup.profileTaken' : 'backup.profileTakenUncalibrated');
  return `${takes} ${profile}`;
}

/** A profile in a few words: name and company, and when it was calibrated (or that it was not). */
export function profileSummary(profile: Profile | null, lang: UiLang): string {
  const fill = profile?.fills[profile.scriptLang];
  const who = [fill?.name, fill?.company].filter((x) => x).join(lang === 'zh-CN' ? '，' : ', ') || t(lang, 'backup.profile.noName');
  const baseline = profile?.baseline ?? null;
  const calibration = baseline === null ? t(lang, 'backup.profile.uncalibrated')
    : t(lang, 'backup.profile.calibrated', { when: baseline.recordedAt ? formatWhen(baseline.recordedAt, lang) : '—' });
  return t(lang, 'backup.profile.summary', { who, calibration });
}

/** Export every take to one backup file, hand it to `download`, and say so (Backup and "delete all"'s "backup first"). */
export async function exportBackupNow(store: VoiceDrillStore, download: (blob: Blob, name: string) => void, lang: UiLang): Promise<string> {
  const now = new Date();
  const { blob, takeCount } = await exportBackup(store, now);
  download(blob, downloadName('backup', now));
  return t(lang, 'backup.exported', { count: takeCount });
}
