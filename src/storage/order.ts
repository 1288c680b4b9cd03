/** The order of takes, defined once: records and their summaries alike. */

/** The fields a take is ordered by. */
export interface TakeKey {
  createdAt: string;
  id: string;
}

/** Order of takes (records or their summaries): by creation time, then id. */
export function takeOrder(a: TakeKey, b: TakeKey): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
