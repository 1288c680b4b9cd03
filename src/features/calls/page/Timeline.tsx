/**
 * The call timeline: a canvas with the two lanes, the axis and the pace lines (timeline-draw.ts), with the
 * flags in view, the bookmarks and the playhead as elements over it. Click plays from the moment clicked.
 * Only the visible window is drawn; zoom and the scroll slider change the window.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatClock, t, type UiLang } from '../../../i18n/index.ts';
import type { CallBookmark } from '../../../storage/call-records.ts';
import type { CallFinding, CallTurn } from './call-types.ts';
import type { PaceLines } from './pace-lines.ts';
import { LANE_HEIGHT_PX, LANE_TOP_PX, paintTimeline, TIMELINE_HEIGHT_PX } from './timeline-draw.ts';
import { clampView, longestSpanSec, spansInView, timeToX, xToTime, zoomView, type TimelineView } from './timeline-model.ts';
import { findingLanes } from './finding-lanes.ts';

/** Props of Timeline. */
export interface TimelineProps {
  lang: UiLang;
  view: TimelineView;
  durationSec: number;
  lanes: Record<'agent' | 'customer', { min: Float32Array; max: Float32Array }>;
  peaksPerSec: number;
  turns: readonly CallTurn[];
  /** Findings in time order, with their index in the report. */
  flags: readonly (CallFinding & { index: number })[];
  bookmarks: readonly CallBookmark[];
  /** The scored opening greeting's span on the agent's lane, or null (none scored). */
  greeting: { startSec: number; endSec: number } | null;
  pace: PaceLines;
  timeSec: number;
  /** Position in `flags` of the flag last jumped to (highlighted), or null. */
  currentFlag: number | null;
  onSeek(timeSec: number): void;
  /** Change the window (wheel: Ctrl/⌘ or a pinch zooms around the pointer, sideways scrolling pans). */
  onView(update: (view: TimelineView) => TimelineView): void;
}

/** The timeline of a call. */
export const Timeline = memo(function Timeline(p: TimelineProps): React.JSX.Element {
  const box = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [widthPx, setWidthPx] = useState(0);
  const longestTurnSec = useMemo(() => longestSpanSec(p.turns), [p.turns]);
  const longestFlagSec = useMemo(() => longestSpanSec(p.flags), [p.flags]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    setWidthPx(Math.floor(el.clientWidth));
    const observer = new ResizeObserver(() => setWidthPx(Math.floor(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A native listener: React's wheel handler is passive and cannot keep the page from zooming or scrolling.
  const { onView, durationSec } = p;
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const onWheel = (e: WheelEvent): void => {
      const w = el.clientWidth;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const x = e.clientX - el.getBoundingClientRect().left;
        onView((v) => zoomView(v, e.deltaY < 0 ? 1 : -1, xToTime(x, v, w), durationSec));
      } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey) {
        e.preventDefault();
        const dx = Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY;
        onView((v) => clampView({ startSec: v.startSec + (dx / Math.max(1, w)) * v.spanSec, spanSec: v.spanSec }, durationSec));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [onView, durationSec]);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || widthPx <= 0) return;
    const ratio = window.devicePixelRatio || 1;
    // Setting the size clears and reallocates the canvas: only when it changed.
    const w = Math.round(widthPx * ratio);
    const h = Math.round(TIMELINE_HEIGHT_PX * ratio);
    if (c.width !== w) c.width = w;
    if (c.height !== h) c.height = h;
    paintTimeline(ctx, { view: p.view, widthPx, lanes: p.lanes, peaksPerSec: p.peaksPerSec, turns: p.turns, longestTurnSec, pace: p.pace }, ratio);
  }, [p.view, widthPx, p.lanes, p.peaksPerSec, p.turns, longestTurnSec, p.pace]);

  const flagsInView = useMemo(() => (widthPx > 0 ? spansInView(p.flags, p.view, widthPx, longestFlagSec, 3) : []), [p.flags, p.view, widthPx, longestFlagSec]);
  const playheadX = timeToX(p.timeSec, p.view, widthPx);
  const end = p.view.startSec + p.view.spanSec;
  const label = t(p.lang, 'call.timeline.label', { start: formatClock(p.view.startSec), end: formatClock(end) });

  return (
    <div
      className="call-timeline" ref={box} data-testid="call-timeline" data-view-start-sec={p.view.startSec.toFixed(2)} data-view-span-sec={p.view.spanSec.toFixed(2)}
      // The playhead as a slider: ← / → (the page's shortcuts) move it by 5 s.
      role="slider" tabIndex={0} aria-label={label} aria-valuemin={0} aria-valuemax={Math.round(p.durationSec)}
      aria-valuenow={Math.round(p.timeSec)} aria-valuetext={formatClock(p.timeSec)}
    >
      <canvas
        ref={canvas}
        aria-hidden="true"
        style={{ width: `${widthPx}px`, height: `${TIMELINE_HEIGHT_PX}px` }}
        onClick={(e) => p.onSeek(xToTime(e.nativeEvent.offsetX, p.view, widthPx))}
      />
      <span className="call-lane-label" style={{ top: `${LANE_TOP_PX.agent}px` }} aria-hidden="true">{t(p.lang, 'call.lane.agent')}</span>
      <span className="call-lane-label" style={{ top: `${LANE_TOP_PX.customer}px` }} aria-hidden="true">{t(p.lang, 'call.lane.customer')}</span>
      <span className="call-lane-label" style={{ top: `${2 * LANE_HEIGHT_PX + 18}px` }} aria-hidden="true">{t(p.lang, 'call.lane.pace')}</span>
      {flagsInView.map((s) => {
        const f = p.flags[s.index];
        const lanes = findingLanes(f.id);
        const top = lanes.includes('agent') ? LANE_TOP_PX.agent : LANE_TOP_PX.customer;
        return (
          <span
            key={f.index}
            className={`call-flag-mark call-flag-${f.id}${p.currentFlag === s.index ? ' current' : ''}`}
            data-finding-id={f.id}
            data-start-sec={f.startSec}
            aria-hidden="true"
            style={{ left: `${s.x}px`, width: `${s.widthPx}px`, top: `${top}px`, height: `${lanes.length * LANE_HEIGHT_PX}px` }}
            onClick={() => p.onSeek(f.startSec)}
          />
        );
      })}
      {p.greeting !== null && p.greeting.endSec >= p.view.startSec && p.greeting.startSec <= end ? (
        <span
          className="call-greeting-mark" data-testid="call-greeting-mark" aria-hidden="true" title={t(p.lang, 'call.greeting.title')}
          data-start-sec={p.greeting.startSec} data-end-sec={p.greeting.endSec}
          style={{
            left: `${Math.max(0, timeToX(p.greeting.startSec, p.view, widthPx))}px`,
            width: `${Math.max(2, Math.min(widthPx, timeToX(p.greeting.endSec, p.view, widthPx)) - Math.max(0, timeToX(p.greeting.startSec, p.view, widthPx)))}px`,
            top: `${LANE_TOP_PX.agent}px`, height: `${LANE_HEIGHT_PX}px`,
          }}
          onClick={() => p.onSeek(p.greeting?.startSec ?? 0)}
        />
      ) : null}
      {p.bookmarks.filter((b) => b.atSec >= p.view.startSec && b.atSec <= end).map((b) => (
        <span key={b.id} className="call-bookmark-mark" aria-hidden="true" title={b.note} style={{ left: `${timeToX(b.atSec, p.view, widthPx)}px` }} />
      ))}
      {p.timeSec >= p.view.startSec && p.timeSec <= end ? (
        <span className="call-playhead" aria-hidden="true" style={{ transform: `translateX(${playheadX}px)`, height: `${2 * LANE_HEIGHT_PX}px` }} />
      ) : null}
    </div>
  );
});
