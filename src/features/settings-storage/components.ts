/** The data part of Settings (storage, re-analysis, backup): its public surface. */
export { StorageSettings } from './StorageSettings.tsx';
// Downloads of generated files (the call page's exports use it too).
export { useDownloads } from './use-downloads.ts';
