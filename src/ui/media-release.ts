/**
 * An <audio> element fed from an object URL reads it in ranges for as long as it lives, also after React has
 * taken it off the page: revoked under it, the next read fails and Chromium logs "Failed to load resource:
 * net::ERR_FILE_NOT_FOUND". The element lets go of its URL (and stops loading) before the URL is revoked.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** Stop `el` loading `url` (only if that is still what it plays; a new source is left alone). */
export function releaseMedia(el: HTMLMediaElement | null | undefined, url: string | null): void {
  if (!el || url === null || el.getAttribute('src') !== url) return;
  el.pause();
  el.removeAttribute('src');
  el.load();
}

/**
 * The element in `ref` lets go of `url` when the URL changes or the element goes. A layout effect: its clean-up
 * runs in the commit, before the passive clean-up that revokes the URL.
 */
export function useMediaRelease(ref: RefObject<HTMLMediaElement | null>, url: string | null): void {
  useLayoutEffect(() => {
    const el = ref.current;
    return () => releaseMedia(el, url);
  }, [ref, url]);
}
