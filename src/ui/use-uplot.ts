/**
 * Mount a uPlot chart in a container as wide as the container (ResizeObserver); the chart is destroyed
 * and the observer disconnected when the options or data change or the component unmounts.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Narrowest chart drawn, CSS px (a phone in portrait still gets readable axes). */
const MIN_WIDTH_PX = 240;

/** The chart in `container` for `options` and `data` (null: none); returns a ref to the live chart. */
export function useUplot(
  container: RefObject<HTMLDivElement | null>,
  options: Omit<uPlot.Options, 'width' | 'height'> | null,
  data: uPlot.AlignedData | null,
  heightPx: number,
): RefObject<uPlot | null> {
  const chart = useRef<uPlot | null>(null);
  // A layout effect: the chart is drawn before the browser paints the page it is on, not a frame later.
  useLayoutEffect(() => {
    const el = container.current;
    if (!el || !options || !data) return undefined;
    const widthOf = (): number => Math.max(MIN_WIDTH_PX, Math.floor(el.clientWidth));
    // Read once: uPlot's DOM makes the layout stale, and a second read would force another layout of the page.
    let lastWidth = widthOf();
    const u = new uPlot({ ...options, width: lastWidth, height: heightPx }, data, el);
    chart.current = u;
    const observer = new ResizeObserver(() => {
      const w = widthOf();
      if (w !== lastWidth) {
        lastWidth = w;
        u.setSize({ width: w, height: heightPx });
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      chart.current = null;
    };
  }, [container, options, data, heightPx]);
  return chart;
}
