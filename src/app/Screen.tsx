/**
 * The screen of the current route; screens other than Practice load on demand (wavesurfer, uPlot, backup).
 * Not through React.lazy and Suspense: React 19 holds a revealed Suspense boundary back until 300 ms after
 * its fallback was shown (FALLBACK_THROTTLE_MS), so a chunk that arrived in 30 ms still showed its screen
 * ≈ 300 ms after the click (bench:review, in-app). A screen whose chunk has loaded renders at once; one still
 * loading shows "Loading…" and renders when it arrives; one that failed to load says so in one sentence.
 */
import { useEffect, useReducer, type ComponentType } from 'react';
import { PracticeScreen } from '../features/practice/PracticeScreen.tsx';
import type { TakeRecord } from '../storage/index.ts';
import { useApp } from '../services/app-context.ts';
import type { Route } from '../services/routes.ts';

/** A screen loaded on demand: its loader (one request, kept) and, once it has settled, the component or the failure. */
interface LazyScreen<P> {
  load: () => Promise<ComponentType<P>>;
  /** The component once its chunk has loaded. */
  component: () => ComponentType<P> | null;
  failed: () => boolean;
}

function lazyScreen<P>(importScreen: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let component: ComponentType<P> | null = null;
  let failed = false;
  return {
    load: () => (loading ??= importScreen().then((c) => {
      component = c;
      return c;
    }, (e: unknown) => {
      failed = true;
      throw e;
    })),
    component: () => component,
    failed: () => failed,
  };
}

const history = lazyScreen(async () => (await import('../features/history/HistoryScreen.tsx')).HistoryScreen);
const take = lazyScreen(async () => (await import('../features/history/TakeScreen.tsx')).TakeScreen);
const progress = lazyScreen(async () => {
  const { ProgressScreen: screen } = await import('../features/progress/ProgressScreen.tsx');
  performance.mark('voicedrill:progress-chunk');
  return screen;
});
const settings = lazyScreen(async () => (await import('../features/settings/SettingsScreen.tsx')).SettingsScreen);
const calls = lazyScreen(async () => (await import('../features/calls/CallsScreen.tsx')).CallsScreen);
const call = lazyScreen(async () => (await import('../features/calls/CallScreen.tsx')).CallScreen);
const trainer = lazyScreen(async () => (await import('../features/trainer/TrainerScreen.tsx')).TrainerScreen);
const roster = lazyScreen(async () => (await import('../features/roster/RosterScreen.tsx')).RosterScreen);
const packLink = lazyScreen(async () => (await import('../features/packs/PackLinkScreen.tsx')).PackLinkScreen);
const teamAdmin = lazyScreen(async () => (await import('../features/team-admin/TeamAdminScreen.tsx')).TeamAdminScreen);

/** `screen`'s component with `props` once loaded; until then "Loading…", and a sentence if it failed. */
function Loaded<P extends object>({ screen, props }: { screen: LazyScreen<P>; props: P }): React.JSX.Element {
  const { t } = useApp();
  const [, settled] = useReducer((n: number) => n + 1, 0);
  const Component = screen.component();
  useEffect(() => {
    if (Component || screen.failed()) return undefined;
    let live = true;
    screen.load().then(() => { if (live) settled(); }, () => { if (live) settled(); });
    return () => { live = false; };
  }, [screen, Component]);
  if (Component) return <Component {...props} />;
  if (screen.failed()) return <p className="notice notice-error" role="alert">{t('app.screenLoadFailed')}</p>;
  return <p className="loading" role="status">{t('app.loading')}</p>;
}

/** Start loading a route's screen chunk now (the entry calls it before rendering); failures show when it renders. */
export function preloadScreen(route: Route): void {
  const screen = { practice: null, drill: null, history, take, calls, call, progress, settings, trainer, roster, 'pack-link': packLink, team: teamAdmin }[route.screen];
  screen?.load().catch(() => undefined);
}

/** Props of Screen. */
export interface ScreenProps {
  route: Route;
  /** A recovered take to analyse on the practice screen. */
  recovered: TakeRecord | null;
  onRecoveredTaken: () => void;
}

function RouteScreen({ route, recovered, onRecoveredTaken }: ScreenProps): React.JSX.Element {
  switch (route.screen) {
    case 'practice':
      return <PracticeScreen recovered={recovered} onRecoveredTaken={onRecoveredTaken} />;
    case 'drill':
      return <PracticeScreen recovered={recovered} onRecoveredTaken={onRecoveredTaken} wantedDrillId={route.drillId} />;
    case 'history':
      return <Loaded screen={history} props={{}} />;
    case 'take':
      return <Loaded key={route.takeId} screen={take} props={{ takeId: route.takeId }} />;
    case 'calls':
      return <Loaded screen={calls} props={{}} />;
    case 'call':
      return <Loaded key={route.callId} screen={call} props={{ callId: route.callId }} />;
    case 'progress':
      return <Loaded screen={progress} props={{}} />;
    case 'settings':
      return <Loaded screen={settings} props={{}} />;
    case 'trainer':
      return <Loaded screen={trainer} props={{}} />;
    case 'roster':
      return <Loaded screen={roster} props={{}} />;
    case 'pack-link':
      return <Loaded key={route.payload} screen={packLink} props={{ payload: route.payload }} />;
    case 'team':
      return <Loaded screen={teamAdmin} props={{}} />;
  }
}

/** Renders the screen for the route (each screen owns and releases its own resources). */
export function Screen(props: ScreenProps): React.JSX.Element {
  return <RouteScreen {...props} />;
}
