/** Space as the practice screen's shortcut (start, skip the count-in, stop), unless a control has the focus. */
import { useEffect, useRef } from 'react';

// On these, Space already does something (press a button, tick a box, type a space): leave it to them.
const INTERACTIVE = 'button, a[href], input, select, textarea, summary, audio, [contenteditable], [role="button"]';

/** Call `onSpace` on a Space press outside interactive elements; it returns true when it used the key. */
export function useSpaceKey(onSpace: () => boolean): void {
  const handler = useRef(onSpace);
  handler.current = onSpace;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.code !== 'Space' && event.key !== ' ') return;
      if (event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(INTERACTIVE)) return;
      if (handler.current()) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
