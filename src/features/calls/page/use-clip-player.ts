/**
 * Plays a voice's sample (a few clips of the call) from the call's audio: one <audio> element made here,
 * fed through an object URL that is revoked, and the element stopped, when the audio changes or the
 * component unmounts. One sample plays at a time; Listen on another stops the first.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { clipStep, type Clip } from './clip-model.ts';
import { releaseMedia } from '../../../ui/media-release.ts';

/** What the voice check gets from the clip player. */
export interface ClipPlayer {
  /** The key of the sample playing, or null. */
  playing: string | null;
  error: boolean;
  play(key: string, clips: readonly Clip[]): void;
  stop(): void;
}

/** The clip player of `audio` (null: nothing to play). */
export function useClipPlayer(audio: Blob | null): ClipPlayer {
  const element = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    if (!audio) return undefined;
    const url = URL.createObjectURL(audio);
    const el = new Audio();
    el.preload = 'metadata';
    el.src = url;
    element.current = el;
    setError(false);
    return () => {
      releaseMedia(el, url);
      element.current = null;
      URL.revokeObjectURL(url);
      setPlaying(null);
    };
  }, [audio]);

  const stop = useCallback((): void => {
    const el = element.current;
    if (el) {
      el.ontimeupdate = null;
      el.onended = null;
      el.pause();
    }
    setPlaying(null);
  }, []);

  const play = useCallback((key: string, clips: readonly Clip[]): void => {
    const el = element.current;
    if (!el || clips.length === 0) return;
    stop();
    let index = 0;
    el.currentTime = clips[0].startSec;
    // timeupdate comes every ~250 ms: a clip may run that much past its end, which a sample can afford.
    el.ontimeupdate = () => {
      const step = clipStep(clips, index, el.currentTime);
      if (step.type === 'next') {
        index = step.index;
        el.currentTime = step.seekSec;
      } else if (step.type === 'end') stop();
    };
    el.onended = stop;
    setPlaying(key);
    el.play().catch(() => {
      stop();
      setError(true);
    });
  }, [stop]);

  return { playing, error, play, stop };
}
