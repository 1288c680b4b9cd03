/**
 * Team sync's screens, the logic: which sentence a failure gets, what the header's chip says, a default device name,
 * who may publish and read the live roster, the live roster's drill-down takes. Pure (no DOM, no storage).
 */
import { hasMessage, t, type MessageKey, type UiLang } from '../../i18n/index.ts';
import type { ResultTake, RosterCell, RosterInput } from '../../packs/index.ts';
import { isStorageError } from '../../storage/index.ts';
import type { Role } from '../../sync/protocol.ts';
import { TeamError, type SyncStatus } from '../../team/index.ts';

/** The sentence key of a failure: one per TeamError code, this browser's storage failing, else the generic one. */
export function teamErrorKey(error: unknown): MessageKey {
  if (error instanceof TeamError) {
    const key = `team.error.${error.code}`;
    if (hasMessage(key)) return key;
  }
  if (isStorageError(error)) return 'team.error.storage';
  return 'team.error.other';
}

/** The short reason of a sync error for the chip ("server not reachable"): a TeamError code's words, else generic. */
export function reasonText(lang: UiLang, error: string | null): string {
  const key = `team.reason.${error ?? 'other'}`;
  return t(lang, hasMessage(key) ? key : 'team.reason.other');
}

/**
 * The header chip: its words and kind, or null (no server configured: no chip at all). A saved server this device has
 * not joined yet says so (the service makes no request before joining); a joined one says what the status says.
 */
export function chipText(lang: UiLang, status: SyncStatus, config: { token: string | null } | null | undefined): { text: string; kind: SyncStatus['state'] | 'not-joined' } | null {
  if (!config) return null;
  if (config.token === null) return { text: t(lang, 'team.chip.notJoined'), kind: 'not-joined' };
  switch (status.state) {
    case 'none':
      return null; // the status of a joined device is being read
    case 'synced':
      return { text: t(lang, 'team.chip.synced'), kind: 'synced' };
    case 'pending':
      return { text: t(lang, 'team.chip.pending', { count: status.pending }), kind: 'pending' };
    case 'offline':
      return { text: t(lang, 'team.chip.offline'), kind: 'offline' };
    case 'error':
      return { text: t(lang, 'team.chip.error', { reason: reasonText(lang, status.error) }), kind: 'error' };
  }
}

/** Trainers and administrators publish packs and read the live roster; agents do neither. */
export function managesPacks(role: Role | null | undefined): boolean {
  return role === 'trainer' || role === 'admin';
}

const BROWSERS: ReadonlyArray<[RegExp, string]> = [[/Edg\//, 'Edge'], [/OPR\//, 'Opera'], [/Firefox\//, 'Firefox'], [/Chrom(e|ium)\//, 'Chrome'], [/Safari\//, 'Safari']];
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [[/Android/, 'Android'], [/iPhone|iPad|iPod/, 'iOS'], [/Windows/, 'Windows'], [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'], [/Linux/, 'Linux']];

/** A device name to start from, from the browser's user agent: "Chrome on Windows", "Windows 上的 Chrome" (each part only when known). */
export function defaultDeviceName(userAgent: string, lang: UiLang): string {
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1] ?? null;
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1] ?? null;
  if (browser && system) return lang === 'zh-CN' ? `${system} 上的 ${browser}` : `${browser} on ${system}`;
  return browser ?? system ?? 'VoiceDrill';
}

/** The takes of a live roster row, oldest first (as the stored roster lists them), with no audio. */
export function liveTakesOf(inputs: readonly RosterInput[], cell: Pick<RosterCell, 'agentId' | 'packId' | 'drillId'>): ResultTake[] {
  const byId = new Map<string, ResultTake>();
  for (const input of inputs) {
    if (input.agentId !== cell.agentId || input.pack.id !== cell.packId) continue;
    for (const take of input.takes) if (take.drillId === cell.drillId && !byId.has(take.takeId)) byId.set(take.takeId, take);
  }
  return [...byId.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.takeId < b.takeId ? -1 : a.takeId > b.takeId ? 1 : 0));
}

/** "Synced 10:42" figures for the settings: null when never. */
export function lastSyncText(lang: UiLang, lastSyncAt: number | null, format: (iso: string, lang: UiLang) => string): string {
  return lastSyncAt === null ? t(lang, 'team.lastSync.never') : t(lang, 'team.lastSync', { when: format(new Date(lastSyncAt).toISOString(), lang) });
}
