/**
 * The review player: one wavesurfer.js instance over a WAV object URL with precomputed peaks, the
 * Regions plugin for parts, pauses and key words, loop and speed. The effect owns every resource:
 * on unmount (or a new take) the instance is destroyed and the object URL revoked.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import { encodeWavMono16 } from '../../audio/wav.ts';
import { loopRangeAt, loopSeek, nextRate, seekTime, type ReviewRegion, type TimeRange } from './review-model.ts';
import { waveformPeaks } from '../../takes/index.ts';
import type { AnalysisReport } from '../../takes/index.ts';
import { releaseMedia } from '../../ui/media-release.ts';

/** Region fill per kind (translucent, so the waveform stays readable). */
const REGION_COLORS: Record<ReviewRegion['kind'], string> = {
  part: 'rgba(15, 92, 99, 0.12)',
  pause: 'rgba(90, 100, 114, 0.28)',
  keyword: 'rgba(214, 120, 0, 0.35)',
};

/** Height of the waveform, CSS px. */
export const WAVEFORM_HEIGHT_PX = 160;

/** What the player needs. */
export interface PlayerSource {
  samples: Float32Array;
  sampleRateHz: number;
  report: AnalysisReport | null;
  regions: readonly ReviewRegion[];
}

/** The player's state and controls. */
export interface ReviewPlayer {
  ready: boolean;
  playing: boolean;
  timeSec: number;
  durationSec: number;
  rate: number;
  loop: TimeRange | null;
  /** Why the audio could not be loaded, or null. */
  error: string | null;
  playPause(): void;
  seekBy(deltaSec: number): void;
  stepRate(step: -1 | 1): void;
  /** Loop the part under the cursor, or stop looping. */
  toggleLoop(): void;
  /** Play one stretch and stop at its end. */
  playRange(range: TimeRange): void;
  /** Move the cursor without playing. */
  seekTo(timeSec: number): void;
}

// Part labels sit at the top of their region, key-word labels at the bottom, so the two never overlap.
// Each label is as wide as its region at most and elided with "…" when the region is narrower (a phone's
// waveform): labels that spilled over their neighbours were stacked by wavesurfer until unreadable.
function labelElement(text: string, atBottom: boolean): HTMLElement {
  const el = document.createElement('span');
  el.className = 'review-region-label';
  el.textContent = text;
  el.title = text;
  Object.assign(el.style, {
    display: 'block', boxSizing: 'border-box', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis',
    whiteSpace: 'nowrap', fontSize: '11px', padding: '0 2px',
  });
  if (atBottom) Object.assign(el.style, { position: 'absolute', left: '0', right: '0', bottom: '2px', fontWeight: '600' });
  return el;
}

/** Mount a wavesurfer player for `source` in `container`; null source shows nothing. */
export function useReviewPlayer(container: RefObject<HTMLDivElement | null>, source: PlayerSource | null): ReviewPlayer {
  const ws = useRef<WaveSurfer | null>(null);
  const loopRef = useRef<TimeRange | null>(null);
  const [ready, setReady] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [timeSec, setTimeSec] = useState(0);
  const [rate, setRate] = useState(1);
  const [loop, setLoopState] = useState<TimeRange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const durationSec = source ? source.samples.length / source.sampleRateHz : 0;

  const setLoop = useCallback((range: TimeRange | null) => {
    loopRef.current = range;
    setLoopState(range);
  }, []);

  useEffect(() => {
    const el = container.current;
    if (!el || !source || source.samples.length === 0) return undefined;
    const duration = source.samples.length / source.sampleRateHz;
    const url = URL.createObjectURL(new Blob([encodeWavMono16(source.samples, source.sampleRateHz).buffer as ArrayBuffer], { type: 'audio/wav' }));
    const regions = RegionsPlugin.create();
    const instance = WaveSurfer.create({
      container: el,
      height: WAVEFORM_HEIGHT_PX,
      waveColor: '#8aa4b0',
      progressColor: '#0f5c63',
      cursorColor: '#1d2430',
      cursorWidth: 2,
      normalize: true,
      dragToSeek: true,
      plugins: [regions],
    });
    ws.current = instance;
    setReady(false);
    setError(null);
    setTimeSec(0);
    setPlaying(false);
    loopRef.current = null;
    setLoopState(null);
    const offs = [
      instance.on('ready', () => {
        for (const r of source.regions) {
          regions.addRegion({
            id: r.id, start: r.startSec, end: r.endSec, color: REGION_COLORS[r.kind], drag: false, resize: false,
            content: r.kind === 'pause' ? undefined : labelElement(r.label, r.kind === 'keyword'),
          });
        }
        setReady(true);
      }),
      instance.on('play', () => setPlaying(true)),
      instance.on('pause', () => setPlaying(false)),
      instance.on('finish', () => setPlaying(false)),
      instance.on('timeupdate', (t) => {
        // A tenth of a second is enough for the controls; re-rendering at every frame is not needed.
        setTimeSec(Math.round(t * 10) / 10);
        const back = loopSeek(t, loopRef.current);
        if (back !== null && instance.isPlaying()) instance.setTime(back);
      }),
      // Clicking outside the looped part means the agent wants to listen elsewhere.
      instance.on('interaction', (t) => {
        const l = loopRef.current;
        if (l && (t < l.startSec || t > l.endSec)) setLoop(null);
      }),
      instance.on('error', (e) => setError(e.message)),
    ];
    // Peaks and duration given: wavesurfer neither fetches nor decodes; the URL only feeds the <audio>.
    instance.load(url, [waveformPeaks(source.samples, source.sampleRateHz)], duration).catch((e: unknown) => {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      for (const off of offs) off();
      const media = instance.getMediaElement();
      instance.destroy();
      releaseMedia(media, url); // before the URL is revoked (ui/media-release.ts)
      URL.revokeObjectURL(url);
      ws.current = null;
    };
  }, [container, source, setLoop]);

  // play() rejects when the browser refuses playback (no user gesture yet): the button simply stays "Play".
  const playPause = useCallback(() => {
    ws.current?.playPause().catch(() => undefined);
  }, []);
  const seekTo = useCallback((t: number) => {
    const w = ws.current;
    if (w) w.setTime(seekTime(t, 0, w.getDuration()));
  }, []);
  const seekBy = useCallback((deltaSec: number) => {
    const w = ws.current;
    if (w) w.setTime(seekTime(w.getCurrentTime(), deltaSec, w.getDuration()));
  }, []);
  const stepRate = useCallback((step: -1 | 1) => {
    const w = ws.current;
    if (!w) return;
    const next = nextRate(w.getPlaybackRate(), step);
    w.setPlaybackRate(next, true); // keep the voice's pitch: the agent is judging pitch
    setRate(next);
  }, []);
  const toggleLoop = useCallback(() => {
    const w = ws.current;
    if (!w || !source?.report) return;
    if (loopRef.current) {
      setLoop(null);
      return;
    }
    const range = loopRangeAt(source.report, w.getCurrentTime());
    setLoop(range);
    if (range) w.play(range.startSec).catch(() => undefined);
  }, [source, setLoop]);
  const playRange = useCallback((range: TimeRange) => {
    setLoop(null);
    ws.current?.play(range.startSec, range.endSec).catch(() => undefined);
  }, [setLoop]);

  return { ready, playing, timeSec, durationSec, rate, loop, error, playPause, seekBy, stepRate, toggleLoop, playRange, seekTo };
}
