/** Paints the contour/envelope overlay on a canvas that follows its box's size (ResizeObserver, released on unmount). */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { paintOverlay, type OverlayStyle } from './review-draw.ts';
import type { ReviewSignals } from '../../takes/index.ts';

/** Keep `canvas` the size of `box` and paint `signals` on it; returns how many times it has painted. */
export function useOverlay(
  canvas: RefObject<HTMLCanvasElement | null>,
  box: RefObject<HTMLElement | null>,
  signals: ReviewSignals | null,
  style: OverlayStyle,
): number {
  const [paints, setPaints] = useState(0);
  const { contourColor, envelopeColor, referenceColor, referenceLabel, font } = style;
  // A layout effect: the contour is painted in the very frame that shows the review, before the
  // player's passive effect (WAV encoding, peaks, wavesurfer) holds the main thread.
  useLayoutEffect(() => {
    const c = canvas.current;
    const b = box.current;
    if (!c || !b || !signals) return undefined;
    const paint = (): void => {
      const ctx = c.getContext('2d');
      const width = b.clientWidth;
      const height = b.clientHeight;
      if (!ctx || width === 0 || height === 0) return;
      const dpr = window.devicePixelRatio || 1;
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      paintOverlay(ctx, width, height, signals, { contourColor, envelopeColor, referenceColor, referenceLabel, font });
      setPaints((n) => n + 1);
    };
    paint();
    const observer = new ResizeObserver(() => paint());
    observer.observe(b);
    return () => observer.disconnect();
  }, [canvas, box, signals, contourColor, envelopeColor, referenceColor, referenceLabel, font]);
  return paints;
}
