/** The screen of the current route; screens other than Practice load on demand (wavesurfer, uPlot, backup). */
import { lazy, Suspense } from 'react';
import { PracticeScreen } from '../features/practice/PracticeScreen.tsx';
import type { TakeRecord } from '../storage/index.ts';
import { useApp } from '../services/app-context.ts';
import type { Route } from '../services/routes.ts';

// Each screen's chunk, loaded once (the promise is kept: preloadScreen and lazy share it).
const once = <T,>(load: () => Promise<T>): (() => Promise<T>) => {
  let loading: Promise<T> | null = null;
  return () => (loading ??= load());
};
const loadHistory = once(async () => ({ default: (await import('../features/history/HistoryScreen.tsx')).HistoryScreen }));
const loadTake = once(async () => ({ default: (await import('../features/history/TakeScreen.tsx')).TakeScreen }));
const loadProgress = once(async () => {
  const { ProgressScreen: screen } = await import('../features/progress/ProgressScreen.tsx');
  performance.mark('voicedrill:progress-chunk');
  return { default: screen };
});
const loadSettings = once(async () => ({ default: (await import('../features/settings/SettingsScreen.tsx')).SettingsScreen }));
const loadCalls = once(async () => ({ default: (await import('../features/calls/CallsScreen.tsx')).CallsScreen }));
const loadCall = once(async () => ({ default: (await import('../features/calls/CallScreen.tsx')).CallScreen }));
const loadTrainer = once(async () => ({ default: (await import('../features/trainer/TrainerScreen.tsx')).TrainerScreen }));
const loadRoster = once(async () => ({ default: (await import('../features/roster/RosterScreen.tsx')).RosterScreen }));
const loadPackLink = once(async () => ({ default: (await import('../features/packs/PackLinkScreen.tsx')).PackLinkScreen }));
const loadTeamAdmin = once(async () => ({ default: (await import('../features/team-admin/TeamAdminScreen.tsx')).TeamAdminScreen }));
const TeamAdminScreen = lazy(loadTeamAdmin);
const HistoryScreen = lazy(loadHistory);
const TrainerScreen = lazy(loadTrainer);
const RosterScreen = lazy(loadRoster);
const PackLinkScreen = lazy(loadPackLink);
const CallsScreen = lazy(loadCalls);
const CallScreen = lazy(loadCall);
const TakeScreen = lazy(loadTake);
const ProgressScreen = lazy(loadProgress);
const SettingsScreen = lazy(loadSettings);

/** Start loading a route's screen chunk now (the entry calls it before rendering); failures surface when it renders. */
export function preloadScreen(route: Route): void {
  const load = { practice: null, drill: null, history: loadHistory, take: loadTake, calls: loadCalls, call: loadCall, progress: loadProgress, settings: loadSettings,
    trainer: loadTrainer, roster: loadRoster, 'pack-link': loadPackLink, team: loadTeamAdmin }[route.screen];
  load?.().catch(() => undefined);
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
      return <HistoryScreen />;
    case 'take':
      return <TakeScreen key={route.takeId} takeId={route.takeId} />;
    case 'calls':
      return <CallsScreen />;
    case 'call':
      return <CallScreen key={route.callId} callId={route.callId} />;
    case 'progress':
      return <ProgressScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'trainer':
      return <TrainerScreen />;
    case 'roster':
      return <RosterScreen />;
    case 'pack-link':
      return <PackLinkScreen key={route.payload} payload={route.payload} />;
    case 'team':
      return <TeamAdminScreen />;
  }
}

/** Renders the screen for the route (each screen owns and releases its own resources). */
export function Screen(props: ScreenProps): React.JSX.Element {
  const { t } = useApp();
  return (
    <Suspense fallback={<p className="loading" role="status">{t('app.loading')}</p>}>
      <RouteScreen {...props} />
    </Suspense>
  );
}
