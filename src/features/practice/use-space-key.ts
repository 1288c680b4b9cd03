/** Space as the practice screen's shortcut (start, skip the count-in, stop), unless a control has the focus. */
import { useEffect, useRef } from 'react';

// On these, Space already does something (press a button, tick a box, type a space): leave it to them.
const INTERACTIVE = 'button, a[href], input, select, textarea, summary, audio, [contenteditable], [role="button"]';

// Radio buttons inside an element marked data-space-shortcut (the drill picker) leave Space to the screen:
// the focused radio is the checked one, so Space would do nothing there, while the screen says "Press Space".
function radioThatYields(target: Element): boolean {
  return target instanceof HTMLInputElement && target.type === 'radio' && target.checked && target.closest('[data-space-shortcut]') !== null;
}

/** Call `onSpace` on a Space press outside interactive elements; it returns true when it used the key. */
export function useSpaceKey(onSpace: () => boolean): void {
  const handler = useRef(onSpace);
  handler.current = onSpace;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.code !== 'Space' && event.key !== ' ') return;
      if (event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(INTERACTIVE) && !radioThatYields(target)) return;
      if (handler.current()) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
