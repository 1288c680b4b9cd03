/** The live pitch trace: recent F0 on a log scale, drawn on a small canvas (voiced stretches as lines). */
import { useEffect, useRef } from 'react';
import { pitchY, type PitchPoint } from '../capture/pitch-scale.ts';

/** Range of the trace's vertical axis, Hz. */
const MIN_HZ = 60;
const MAX_HZ = 400;
/** Seconds shown across the canvas. */
const WINDOW_SEC = 6;

/** The trace; `label` describes it for screen readers (e.g. the latest pitch). */
export function PitchTrace({ points, label }: { points: readonly PitchPoint[]; label: string }): React.JSX.Element {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const width = c.clientWidth;
    const height = c.clientHeight;
    if (c.width !== Math.round(width * dpr) || c.height !== Math.round(height * dpr)) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.strokeStyle = 'rgba(90, 100, 114, 0.25)';
    ctx.lineWidth = 1;
    for (const hz of [100, 200, 300]) {
      const y = pitchY(hz, MIN_HZ, MAX_HZ) * height;
      ctx.beginPath();
      ctx.moveTo(0, y);
      ctx.lineTo(width, y);
      ctx.stroke();
    }
    const end = points.length > 0 ? Math.max(WINDOW_SEC, points[points.length - 1].timeSec) : WINDOW_SEC;
    const x = (timeSec: number): number => ((timeSec - (end - WINDOW_SEC)) / WINDOW_SEC) * width;
    ctx.strokeStyle = '#1a5fd0';
    ctx.lineWidth = 2.5;
    ctx.lineJoin = 'round';
    ctx.fillStyle = '#1a5fd0';
    ctx.beginPath();
    for (let i = 0; i < points.length; i++) {
      const p = points[i];
      if (p.hz === null) continue;
      const px = x(p.timeSec);
      const py = pitchY(p.hz, MIN_HZ, MAX_HZ) * height;
      const before = points[i - 1]?.hz ?? null;
      const after = points[i + 1]?.hz ?? null;
      if (before !== null) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      // A voiced block between unvoiced ones still shows, as a dot.
      if (before === null && after === null) ctx.fillRect(px - 1.5, py - 1.5, 3, 3);
    }
    ctx.stroke();
  }, [points]);
  // data-voiced-points: how many voiced points are drawn (lets the browser tests see the trace is live).
  const voiced = points.reduce((n, p) => (p.hz === null ? n : n + 1), 0);
  return <canvas ref={canvas} className="pitch-trace" role="img" aria-label={label} data-voiced-points={voiced} />;
}
