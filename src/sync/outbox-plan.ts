/**
 * What the app's sync outbox sends next (issue 13): item ids, the due items and how they are batched. Pure: the
 * engine (src/team) reads the outbox, asks here, and sends.
 */
import { SYNC_LIMITS, type SyncCompletion, type SyncTake } from './protocol.ts';

/** Outbox ids: one item per thing, so enqueuing the same thing twice keeps one item. */
export const takeItemId = (takeId: string): string => `take:${takeId}`;
export const completionItemId = (packId: string, drillId: string): string => `completion:${packId}:${drillId}`;
export const audioItemId = (takeId: string): string => `audio:${takeId}`;

/** The parts of an outbox item the plan reads (a subset of OutboxRecord, which lives in src/storage). */
export interface PlanItem {
  id: string;
  payload: { kind: 'take'; take: SyncTake } | { kind: 'completion'; completion: SyncCompletion } | { kind: 'audio'; takeId: string };
  nextAttemptAt: number;
  createdAt: number;
}

/** One push request's items, and the audio items to PUT one by one after it. */
export interface PushPlan<T extends PlanItem> {
  /** Takes (≤ takesPerPush) and completions (≤ completionsPerPush) for one POST /v1/takes; empty: none due. */
  batch: T[];
  /** Audio items due whose take is no longer waiting in the outbox (the server needs the take first). */
  audio: T[];
}

const byDue = (a: PlanItem, b: PlanItem): number =>
  a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The next push: items due at `now`, oldest due first, within the protocol's limits. */
export function planPush<T extends PlanItem>(items: readonly T[], now: number, limits = SYNC_LIMITS): PushPlan<T> {
  const due = items.filter((i) => i.nextAttemptAt <= now).sort(byDue);
  const waitingTakes = new Set(items.filter((i) => i.payload.kind === 'take').map((i) => (i.payload as { take: SyncTake }).take.takeId));
  const batch: T[] = [];
  const audio: T[] = [];
  let takes = 0;
  let completions = 0;
  for (const item of due) {
    const p = item.payload;
    if (p.kind === 'take' && takes < limits.takesPerPush) {
      batch.push(item);
      takes += 1;
    } else if (p.kind === 'completion' && completions < limits.completionsPerPush) {
      batch.push(item);
      completions += 1;
    } else if (p.kind === 'audio' && !waitingTakes.has(p.takeId)) {
      audio.push(item);
    }
  }
  return { batch, audio };
}

/** What a failed HTTP answer means for the items it carried. */
export type FailureKind =
  /** Network, timeout, 408, 429, 5xx: try again later (back-off). */
  | 'retry'
  /** 401: the device's token is revoked or unknown: stop pushing, keep everything. */
  | 'revoked'
  /** Any other 4xx: the server refuses this content; keep it, mark it, try again later, never delete it. */
  | 'refused';

/** Classify an HTTP status that is not a success. */
export function failureKindOf(status: number): FailureKind {
  if (status === 401) return 'revoked';
  if (status === 408 || status === 429 || status >= 500 || status < 400) return 'retry';
  return 'refused';
}
