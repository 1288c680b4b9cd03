/**
 * "Practise this phrase": an agent turn of a call made into a reading drill (kind 'passage', scored for
 * rate, pauses, pitch and loudness against the default bands of the call's language), linked back to the call.
 * A script is required: the engine can analyse a take without one, but a drill's template is its script
 * (parseDrill refuses an empty one, and a take's drill snapshot is read back through parseDrill). Pure.
 */
import type { CallRecord } from '../../calls/index.ts';
import { parseDrill } from '../../drills/index.ts';
import { formatClock, t } from '../../i18n/index.ts';
import { USER_DRILL_SCHEMA_VERSION, type UserDrillRecord } from '../../storage/index.ts';

/** Characters of the file name kept in a drill's title (titles are at most 200 characters). */
const TITLE_FILE_CHARS = 120;

/** What makePhraseDrill gives: the drill to store, or why it cannot be made. */
export type PhraseDrillResult = { ok: true; record: UserDrillRecord } | { ok: false; reason: 'noScript' | 'badScript' | 'noTurn' };

/** What makePhraseDrill needs besides the call. */
export interface PhraseDrillInput {
  call: Pick<CallRecord, 'id' | 'fileName' | 'lang' | 'report'>;
  turnIndex: number;
  script: string | null;
  /** ms since epoch. */
  now: number;
  /** A random suffix for the drill id, [a-z0-9]. */
  nonce: string;
}

function shortName(fileName: string): string {
  return fileName.length > TITLE_FILE_CHARS ? `${fileName.slice(0, TITLE_FILE_CHARS - 1)}…` : fileName;
}

/** The drill made from turn `turnIndex` of the call with the typed script. */
export function makePhraseDrill({ call, turnIndex, script, now, nonce }: PhraseDrillInput): PhraseDrillResult {
  const turn = call.report.turns[turnIndex];
  if (turn === undefined || turn.speaker !== 'agent') return { ok: false, reason: 'noTurn' };
  if (script === null || script.trim() === '') return { ok: false, reason: 'noScript' };
  const time = formatClock(turn.startSec);
  const file = shortName(call.fileName);
  const parsed = parseDrill({
    id: `phrase-${now.toString(36)}-${nonce}`.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 64),
    kind: 'passage',
    lang: call.lang,
    title: { en: t('en', 'call.practise.drillTitle', { file, time }), 'zh-CN': t('zh-CN', 'call.practise.drillTitle', { file, time }) },
    template: script.trim(),
    focus: ['rate', 'pauses', 'pitchVariety', 'volume'],
  });
  if (!parsed.ok) return { ok: false, reason: 'badScript' };
  return {
    ok: true,
    record: {
      schemaVersion: USER_DRILL_SCHEMA_VERSION, id: parsed.drill.id, drill: parsed.drill, sourceCallId: call.id, sourceFileName: call.fileName,
      sourceTurn: { startSec: turn.startSec, endSec: turn.endSec }, createdAt: now,
    },
  };
}
