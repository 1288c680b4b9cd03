/** The data part of Settings (storage, re-analysis, backup): its public surface. */
export { StorageSettings } from './StorageSettings.tsx';
