/** The call report's types as the call page names them (taken from the stored record: features do not import src/analysis). */
import type { CallRecord } from '../../../storage/call-records.ts';

/** The report of one call. */
export type CallReport = CallRecord['report'];
/** One turn of a call. */
export type CallTurn = CallReport['turns'][number];
/** One flagged moment. */
export type CallFinding = CallReport['findings'][number];
/** The timeline peaks of a call. */
export type CallPeaks = CallRecord['peaks'];
/** Who is speaking. */
export type Speaker = CallTurn['speaker'];
/** A stretch of time, s. */
export interface TimeSpan {
  startSec: number;
  endSec: number;
}
