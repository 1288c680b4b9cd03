/**
 * The agent's own drills, made from a call's turn ("practise this phrase"): the drill (validated by
 * parseDrill, as any drill from outside the app's code) and where it came from. The link to the call is
 * kept when the call is deleted (the drill stays; the practice screen says the call is gone).
 */
import type { Drill } from '../drills/types.ts';
import { parseDrill } from '../drills/schema.ts';
import type { VoiceDrillDb } from './db.ts';
import { StorageError } from './errors.ts';
import { restoreReadable } from './restore.ts';

/** Version of UserDrillRecord's shape; restore refuses anything newer. */
export const USER_DRILL_SCHEMA_VERSION = 1;

/** One drill the agent made from a call. */
export interface UserDrillRecord {
  schemaVersion: number;
  /** The drill's id. */
  id: string;
  drill: Drill;
  sourceCallId: string;
  /** The call's file name when the drill was made (shown in the link back). */
  sourceFileName: string;
  /** The turn of the call the phrase came from, seconds from the call's start. */
  sourceTurn: { startSec: number; endSec: number };
  /** ms since epoch. */
  createdAt: number;
}

type Raw = Record<string, unknown>;
const asObject = (x: unknown): Raw | null => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Raw) : null);
const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Check a stored user drill; throws StorageError 'corrupt' or 'newer-version'. */
export function restoreUserDrill(raw: unknown): UserDrillRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored drill is not a record, so it was left untouched.');
  const what = typeof r.id === 'string' ? `drill "${r.id}"` : 'drill';
  const version = r.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > USER_DRILL_SCHEMA_VERSION) {
    throw new StorageError('newer-version', `The ${what} was saved by a newer version of VoiceDrill (drill schema ${version}; this version reads up to ${USER_DRILL_SCHEMA_VERSION}). Reload the page to update the app; nothing was changed.`);
  }
  const parsed = parseDrill(r.drill);
  const turn = asObject(r.sourceTurn);
  const startSec = finite(turn?.startSec);
  const endSec = finite(turn?.endSec);
  const createdAt = finite(r.createdAt);
  if (version !== USER_DRILL_SCHEMA_VERSION || !parsed.ok || parsed.drill.id !== r.id || parsed.drill.builtIn
    || typeof r.sourceCallId !== 'string' || r.sourceCallId === '' || typeof r.sourceFileName !== 'string'
    || startSec === null || endSec === null || endSec < startSec || createdAt === null) {
    throw new StorageError('corrupt', `The ${what} is incomplete, so it was left untouched.`);
  }
  return {
    schemaVersion: USER_DRILL_SCHEMA_VERSION, id: parsed.drill.id, drill: parsed.drill, sourceCallId: r.sourceCallId,
    sourceFileName: r.sourceFileName, sourceTurn: { startSec, endSec }, createdAt,
  };
}

/** Store (or replace) a user drill, checked as restore would read it back. */
export async function putUserDrill(db: VoiceDrillDb, record: UserDrillRecord): Promise<UserDrillRecord> {
  const checked = restoreUserDrill(record);
  await db.userDrills.put(checked);
  return checked;
}

/** Every readable user drill, newest first (unreadable ones are skipped). */
export async function listUserDrills(db: VoiceDrillDb): Promise<UserDrillRecord[]> {
  const rows = await db.userDrills.orderBy('createdAt').reverse().toArray();
  return restoreReadable(rows, restoreUserDrill);
}

/** One user drill, or null. */
export async function getUserDrill(db: VoiceDrillDb, drillId: string): Promise<UserDrillRecord | null> {
  const raw = await db.userDrills.get(drillId);
  return raw === undefined ? null : restoreUserDrill(raw);
}
