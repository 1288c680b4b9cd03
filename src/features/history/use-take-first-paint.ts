/**
 * The take page's side of start-up's first paint (first-paint.ts; docs/adr/0010-take-first-paint.md): once
 * the live page shows what it will show, the picture (if any) is removed in the next frame; when that was the
 * contour, the page is kept as the next start-up's picture, when the browser is idle.
 */
import { useCallback, useEffect, useRef } from 'react';
import { dismissFirstPaint } from '../../ui/first-paint-overlay.ts';
import { keepTakeSnapshot } from './first-paint.ts';

/** The id of the element React renders the app into (index.html). */
const APP_ROOT_ID = 'root';

/**
 * Returns the review's `onDrawn`; `failed`: the page can show no review (an error, no such take, not analysed),
 * so the picture goes at once.
 */
export function useTakeFirstPaint(takeId: string, failed: boolean): (contour: boolean) => void {
  const pending = useRef<{ frame?: number; idle?: number }>({});
  useEffect(() => { if (failed) dismissFirstPaint(); }, [failed]);
  useEffect(() => () => {
    const { frame, idle } = pending.current;
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
  }, []);
  return useCallback((contour: boolean) => {
    pending.current.frame = requestAnimationFrame(() => {
      dismissFirstPaint();
      if (!contour) return;
      pending.current.idle = requestIdleCallback(() => {
        const root = document.getElementById(APP_ROOT_ID);
        if (root) keepTakeSnapshot(root, takeId, __VOICEDRILL_BUILD_ID__);
      }, { timeout: 2000 });
    });
  }, [takeId]);
}
