/**
 * The sentence a pack link's import ended with, carried to the practice screen: the link's page replaces its own
 * history entry with #/practice (the pack's data must not stay in the history), so the sentence is handed over here.
 */
let pending: { text: string; ok: boolean } | null = null;

/** Leave a sentence for the next Assigned list shown. */
export function leaveImportNotice(text: string, ok: boolean): void {
  pending = { text, ok };
}

/** The sentence left by a link's import (once), or null. */
export function takeImportNotice(): { text: string; ok: boolean } | null {
  const n = pending;
  pending = null;
  return n;
}
