/** The settings feature's public surface beyond its screen (SettingsScreen.tsx, loaded on demand): the first-run onboarding. */
export { FirstRun } from './FirstRun.tsx';
