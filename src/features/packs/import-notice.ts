/**
 * The sentence a pack link's import ended with, carried to the practice screen: the link's page replaces its own
 * history entry with #/practice (the pack's data must not stay in the history), so the sentence is handed over here.
 */
import type { UiLang } from '../../i18n/index.ts';

/** A sentence kept as a function of the UI language, so it follows a language switch after it was made. */
export interface Notice {
  text: (lang: UiLang) => string;
  ok: boolean;
}

let pending: Notice | null = null;

/** Leave a sentence for the next Assigned list shown. */
export function leaveImportNotice(notice: Notice): void {
  pending = notice;
}

/** The sentence left by a link's import (once), or null. */
export function takeImportNotice(): Notice | null {
  const n = pending;
  pending = null;
  return n;
}
