/**
 * The call's player: an <audio> element fed from the stored Blob through an object URL (revoked when the
 * Blob changes or the page unmounts). Without audio (analysis only) the playhead still moves on seeks, so
 * bookmarks and the jump list work; only playback is off.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { seekTime } from './shortcuts.ts';
import { useMediaRelease } from '../../../ui/media-release.ts';

/** What the page gets from the player. */
export interface CallPlayer {
  /** The <audio> element's ref (render <audio ref={audioRef} src={url} />). */
  audioRef: RefObject<HTMLAudioElement | null>;
  /** Object URL of the audio, or null without audio. */
  url: string | null;
  canPlay: boolean;
  playing: boolean;
  /** Playhead, s (to 0.05 s). */
  timeSec: number;
  rate: number;
  error: boolean;
  playPause(): void;
  /** Move the playhead; play from there when `play`. */
  seekTo(timeSec: number, play?: boolean): void;
  seekBy(deltaSec: number): void;
  setRate(rate: number): void;
  onError(): void;
}

/** The playhead's steps, s: finer than a peak column never shows, coarser looks jumpy. */
const TIME_STEP_SEC = 0.05;
const quantise = (t: number): number => Math.round(t / TIME_STEP_SEC) * TIME_STEP_SEC;

/** The player of a call `durationSec` long whose audio is `audio` (null: analysis only). */
export function useCallPlayer(audio: Blob | null, durationSec: number): CallPlayer {
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [timeSec, setTimeSec] = useState(0);
  const [rate, setRateState] = useState(1);
  const [error, setError] = useState(false);
  const rateRef = useRef(1);
  // The playhead for seeks without audio (the element's currentTime is the truth when there is audio).
  const timeRef = useRef(0);
  timeRef.current = timeSec;

  useEffect(() => {
    if (!audio) {
      setUrl(null);
      return undefined;
    }
    const u = URL.createObjectURL(audio);
    setUrl(u);
    setError(false);
    return () => URL.revokeObjectURL(u);
  }, [audio]);
  useMediaRelease(audioRef, url);

  // Events of the element: play state, and the playhead every frame while playing.
  useEffect(() => {
    const el = audioRef.current;
    if (!el || !url) return undefined;
    let frame = 0;
    const tick = (): void => {
      setTimeSec(quantise(el.currentTime));
      frame = requestAnimationFrame(tick);
    };
    const onPlay = (): void => {
      setPlaying(true);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tick);
    };
    const onStop = (): void => {
      setPlaying(false);
      cancelAnimationFrame(frame);
      setTimeSec(quantise(el.currentTime));
    };
    const onSeeked = (): void => setTimeSec(quantise(el.currentTime));
    const onLoaded = (): void => {
      el.playbackRate = rateRef.current;
    };
    el.addEventListener('play', onPlay);
    el.addEventListener('pause', onStop);
    el.addEventListener('ended', onStop);
    el.addEventListener('seeked', onSeeked);
    el.addEventListener('loadedmetadata', onLoaded);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('play', onPlay);
      el.removeEventListener('pause', onStop);
      el.removeEventListener('ended', onStop);
      el.removeEventListener('seeked', onSeeked);
      el.removeEventListener('loadedmetadata', onLoaded);
      el.pause();
    };
  }, [url]);

  const canPlay = url !== null && !error;
  const playPause = useCallback(() => {
    const el = audioRef.current;
    if (!el || !canPlay) return;
    // play() rejects when the browser refuses playback: the button simply stays "Play".
    if (el.paused) el.play().catch(() => undefined);
    else el.pause();
  }, [canPlay]);
  const seekTo = useCallback((t: number, play = false) => {
    const next = seekTime(t, 0, durationSec);
    setTimeSec(quantise(next));
    const el = audioRef.current;
    if (!el || !canPlay) return;
    el.currentTime = next;
    if (play && el.paused) el.play().catch(() => undefined);
  }, [canPlay, durationSec]);
  const seekBy = useCallback((deltaSec: number) => {
    const el = audioRef.current;
    const now = el && canPlay ? el.currentTime : timeRef.current;
    seekTo(now + deltaSec);
  }, [canPlay, seekTo]);
  const setRate = useCallback((r: number) => {
    rateRef.current = r;
    setRateState(r);
    if (audioRef.current) audioRef.current.playbackRate = r;
  }, []);
  const onError = useCallback(() => setError(true), []);
  return { audioRef, url, canPlay, playing, timeSec, rate, error, playPause, seekTo, seekBy, setRate, onError };
}
