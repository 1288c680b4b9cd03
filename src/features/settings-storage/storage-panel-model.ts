/** The storage panel's texts: usage against quota, persistence, re-analysis progress. Pure. */
import { t, type UiLang } from '../../i18n/index.ts';
import type { StorageHealth } from '../../storage/quota.ts';
import type { ReanalyseProgress, ReanalyseResult } from '../../takes/index.ts';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Bytes in binary units with one decimal from KB on: "512 B", "1.5 MB", "2.3 GB". */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** "12.3 MB of 2.0 GB used (1 %)", or a sentence saying the browser does not tell. */
export function usageText(health: StorageHealth, lang: UiLang): string {
  if (health.usageBytes === null || health.quotaBytes === null || health.usedFraction === null) return t(lang, 'storageHealth.unknown');
  const percent = health.usedFraction < 0.01 && health.usedFraction > 0 ? '< 1' : String(Math.round(health.usedFraction * 100));
  return t(lang, 'storageHealth.usage', { used: formatBytes(health.usageBytes), quota: formatBytes(health.quotaBytes), percent });
}

/** Whether the data is kept under storage pressure, as a sentence. */
export function persistenceText(persisted: boolean | null, lang: UiLang): string {
  if (persisted === null) return t(lang, 'storageHealth.persistUnknown');
  return t(lang, persisted ? 'storageHealth.persisted' : 'storageHealth.notPersisted');
}

/** The fraction of quota at which the panel warns that space is running out. */
export const NEARLY_FULL_FRACTION = 0.8;

/** True when the origin has used most of its quota. */
export function nearlyFull(health: StorageHealth): boolean {
  return health.usedFraction !== null && health.usedFraction >= NEARLY_FULL_FRACTION;
}

/** A running re-analysis, as a sentence. */
export function progressText(p: ReanalyseProgress, lang: UiLang): string {
  return t(lang, 'storageHealth.progress', { done: p.done, total: p.total });
}

/** The end of a re-analysis run, as a sentence. */
export function resultText(r: ReanalyseResult, lang: UiLang): string {
  if (r.cancelled) return t(lang, 'storageHealth.cancelled', { done: r.reanalysed, total: r.total });
  return t(lang, 'storageHealth.done', { done: r.reanalysed, failed: r.failed.length });
}
