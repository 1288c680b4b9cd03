/** Bookmarks on moments of a call, pure: add, edit the note, remove; always in time order. */
import type { CallBookmark } from '../../../storage/call-records.ts';

/** Longest note kept on a bookmark, characters. */
export const BOOKMARK_NOTE_MAX_CHARS = 500;

/** The list with a new bookmark at `atSec` (rounded to 0.1 s), in time order. */
export function addBookmark(list: readonly CallBookmark[], atSec: number, id: string, nowMs: number, note = ''): CallBookmark[] {
  const b: CallBookmark = { id, atSec: Math.max(0, Math.round(atSec * 10) / 10), note: note.slice(0, BOOKMARK_NOTE_MAX_CHARS), createdAt: nowMs };
  return [...list, b].sort((x, y) => x.atSec - y.atSec || x.createdAt - y.createdAt);
}

/** The list with bookmark `id`'s note replaced. */
export function setBookmarkNote(list: readonly CallBookmark[], id: string, note: string): CallBookmark[] {
  return list.map((b) => (b.id === id ? { ...b, note: note.slice(0, BOOKMARK_NOTE_MAX_CHARS) } : b));
}

/** The list without bookmark `id`. */
export function removeBookmark(list: readonly CallBookmark[], id: string): CallBookmark[] {
  return list.filter((b) => b.id !== id);
}
