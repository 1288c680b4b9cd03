/**
 * "Open with VoiceDrill": the manifest's file_handlers (vite.config.ts) launch the app with the files
 * in window.launchQueue (Chromium's File Handling API). Each launch's files are queued for the Calls
 * screen (services/opened-files.ts) and the app goes there.
 */
import { offerOpenedFiles } from '../services/opened-files.ts';
import type { Route } from '../services/routes.ts';

interface LaunchParams { files?: readonly { kind?: string; getFile?: () => Promise<File> }[] }
interface LaunchQueue { setConsumer(consumer: (params: LaunchParams) => void): void }

/** Start consuming launches (at start-up; `scope` is the window); does nothing where the browser has no launchQueue. */
export function consumeLaunchedFiles(navigate: (route: Route) => void, scope: object = globalThis): void {
  const launchQueue = (scope as { launchQueue?: LaunchQueue }).launchQueue;
  launchQueue?.setConsumer((params) => {
    const handles = (params.files ?? []).filter((h) => h.kind !== 'directory' && typeof h.getFile === 'function');
    if (handles.length === 0) return;
    void Promise.all(handles.map((h) => h.getFile!().catch(() => null))).then((files) => {
      offerOpenedFiles(files.filter((f): f is File => f !== null));
      navigate({ screen: 'calls' });
    });
  });
}
