/**
 * The take page's side of start-up's first paint (first-paint.ts; docs/adr/0010-take-first-paint.md): once the
 * live page has drawn its review (the contour, or a message) and read everything else it shows, the picture (if
 * any) is removed in the next frame; when the review drew its contour, the page is captured as it is then and
 * stored as the next start-up's picture in the next frame.
 */
import { useCallback, useEffect, useState } from 'react';
import { dismissFirstPaint } from '../../ui/first-paint-overlay.ts';
import { captureTakeSnapshot, writeTakeSnapshot } from './first-paint.ts';

/** The id of the element React renders the app into (index.html). */
const APP_ROOT_ID = 'root';

/**
 * Returns the review's `onDrawn`. `failed`: the page can show no review (an error, no such take, not analysed),
 * so the picture goes at once; `whole`: the page has everything it reads (the scorecard's comparison with other
 * takes comes after the contour), so the picture is kept, and given way to, only then: one look throughout.
 */
export function useTakeFirstPaint(takeId: string, failed: boolean, whole: boolean): (contour: boolean) => void {
  const [drawn, setDrawn] = useState<'contour' | 'message' | null>(null);
  useEffect(() => { if (failed) dismissFirstPaint(); }, [failed]);
  useEffect(() => {
    if (drawn === null || !whole) return undefined;
    // Captured in the commit that drew the page whole; stored in the next frame (≈ 170 KB of JSON: a few ms; the
    // browser's idle time can be seconds away while the review reads and draws the take's audio).
    const root = drawn === 'contour' ? document.getElementById(APP_ROOT_ID) : null;
    const snapshot = root ? captureTakeSnapshot(root, takeId, __VOICEDRILL_BUILD_ID__) : null;
    const frame = requestAnimationFrame(() => {
      dismissFirstPaint();
      if (snapshot) writeTakeSnapshot(snapshot);
    });
    return () => cancelAnimationFrame(frame);
  }, [drawn, whole, takeId]);
  return useCallback((contour: boolean) => setDrawn(contour ? 'contour' : 'message'), []);
}
