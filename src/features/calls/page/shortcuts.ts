/** The call page's keyboard shortcuts, pure: key → action, and the list the page documents. */
import type { MessageKey } from '../../../i18n/index.ts';
import type { KeyLike } from '../../../ui/key-like.ts';

/** Seconds moved by ← and →. */
export const SEEK_STEP_SEC = 5;
/** Playback speeds offered (the select), slowest first. */
export const PLAYBACK_RATES: readonly number[] = [0.75, 1, 1.25, 1.5, 2];

/** An action bound to a key. */
export type CallKeyAction =
  | { type: 'playPause' }
  | { type: 'seek'; deltaSec: number }
  | { type: 'flag'; step: -1 | 1 }
  | { type: 'bookmark' };

/** The action of a key: Space play/pause, ←/→ seek 5 s, [ / ] previous/next flag, B bookmark; else null. */
export function callKeyAction(e: KeyLike): CallKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      return { type: 'playPause' };
    case 'ArrowLeft':
      return { type: 'seek', deltaSec: -SEEK_STEP_SEC };
    case 'ArrowRight':
      return { type: 'seek', deltaSec: SEEK_STEP_SEC };
    case '[':
      return { type: 'flag', step: -1 };
    case ']':
      return { type: 'flag', step: 1 };
    case 'b':
    case 'B':
      return { type: 'bookmark' };
    default:
      return null;
  }
}

/** The shortcuts as the page lists them: keys shown and what they do. */
export const SHORTCUT_HELP: readonly { keys: string; what: MessageKey }[] = [
  { keys: 'Space', what: 'call.keys.playPause' },
  { keys: '← →', what: 'call.keys.seek' },
  { keys: '[ ]', what: 'call.keys.flags' },
  { keys: 'B', what: 'call.keys.bookmark' },
];

/**
 * True when the key belongs to the focused control, not to the player: any key in a text field, select or
 * slider (its arrows move it); Space and Enter on a button, link, checkbox, radio or summary (they press it).
 */
export function keyBelongsToControl(target: EventTarget | null, key: string): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string } | null;
  if (!el) return false;
  if (el.isContentEditable === true || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  const pressable = el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY';
  if (el.tagName === 'INPUT') {
    if (!['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type ?? 'text')) return true;
    return key === ' ' || key === 'Enter';
  }
  return pressable && (key === ' ' || key === 'Enter');
}

/** A time moved by `deltaSec`, kept inside [0, durationSec]. */
export function seekTime(currentSec: number, deltaSec: number, durationSec: number): number {
  return Math.min(Math.max(0, currentSec + deltaSec), Math.max(0, durationSec));
}
