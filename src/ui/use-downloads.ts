/** Save a Blob as a download (backups, call exports, pack files, results files, the roster CSV); each object URL is revoked once the download has started, or on unmount at the latest. */
import { useCallback, useEffect, useRef } from 'react';

/** How long a download's object URL lives: long enough for the browser to start reading it. */
const REVOKE_AFTER_MS = 30_000;

/** A function that downloads a Blob under a file name. */
export function useDownloads(): (blob: Blob, fileName: string) => void {
  const live = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const urls = live.current;
    return () => {
      for (const [url, timer] of urls) {
        clearTimeout(timer);
        URL.revokeObjectURL(url);
      }
      urls.clear();
    };
  }, []);
  return useCallback((blob: Blob, fileName: string) => {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    live.current.set(url, setTimeout(() => {
      URL.revokeObjectURL(url);
      live.current.delete(url);
    }, REVOKE_AFTER_MS));
  }, []);
}
