/** The backup panel's texts: what an import did, and the two profiles an import can choose between. Pure. */
import { downloadName, exportBackup, type ExportOptions, type ImportResult, type PacksImportCounts } from '../../backup/index.ts';
import type { VoiceDrillStore } from '../../storage/index.ts';
import { t, type UiLang } from '../../i18n/index.ts';
import type { Profile } from '../../storage/index.ts';
import { formatWhen } from '../../i18n/index.ts';

// Drills made from calls, packs and roster (when the backup held any): what was added, replaced and kept.
function packsMessage(packs: PacksImportCounts | undefined, lang: UiLang): string {
  if (packs === undefined) return '';
  const skipped = packs.userDrillsSkipped + packs.assignedSkipped + packs.authoredSkipped + packs.rosterTakesSkipped + packs.rosterPacksSkipped;
  return ` ${t(lang, 'backup.importedPacks', {
    drills: packs.userDrillsAdded, packs: packs.assignedAdded + packs.authoredAdded, updated: packs.assignedUpdated, roster: packs.rosterTakesAdded, skipped,
  })}`;
}

/** What an import did, as sentences: takes added, updated and kept, calls added and kept (when it held any), drills, packs and roster (when it held any), then what happened to the profile. */
export function importMessage(result: ImportResult, backupProfile: Profile | null, lang: UiLang): string {
  const takes = t(lang, 'backup.imported', { added: result.added, updated: result.updated, skipped: result.skipped });
  const calls = result.callsAdded + result.callsSkipped > 0 ? ` ${t(lang, 'backup.importedCalls', { added: result.callsAdded, skipped: result.callsSkipped })}` : '';
  const packs = packsMessage(result.packs, lang);
  const profile = result.profile === 'none' ? t(lang, 'backup.profileNone')
    : result.profile === 'kept' ? t(lang, 'backup.profileKept')
      : t(lang, backupProfile?.baseline ? 'backup.profileTaken' : 'backup.profileTakenUncalibrated');
  return `${takes}${calls}${packs} ${profile}`;
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

/**
 * What an export put in, as sentences: the takes, then the calls (all with their audio, some, or all as analysis
 * only: a call kept without audio, or whose audio is incomplete, goes in as analysis) and whether reflections were left out.
 */
export function exportMessage(takeCount: number, callCount: number, callsWithAudio: number, options: ExportOptions, lang: UiLang): string {
  const parts = [t(lang, 'backup.exported', { count: takeCount })];
  if (callCount > 0) {
    parts.push(callsWithAudio === 0 ? t(lang, 'backup.exportedCallsAnalysis', { count: callCount })
      : callsWithAudio === callCount ? t(lang, 'backup.exportedCallsAudio', { count: callCount })
        : t(lang, 'backup.exportedCallsSome', { count: callCount, audio: callsWithAudio }));
    if (!options.reflections) parts.push(t(lang, 'backup.reflectionsLeftOut'));
  }
  return parts.join(' ');
}

/** Export every take (and the calls as `options` say) to one backup file, hand it to `download`, and say so (Backup and "delete all"'s "backup first"). */
export async function exportBackupNow(store: VoiceDrillStore, download: (blob: Blob, name: string) => void, lang: UiLang, options: ExportOptions = {}): Promise<string> {
  const now = new Date();
  const { blob, takeCount, callCount, callsWithAudio } = await exportBackup(store, now, options);
  download(blob, downloadName('backup', now));
  return exportMessage(takeCount, callCount, callsWithAudio, options, lang);
}
