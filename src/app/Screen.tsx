/** The screen of the current route; screens other than Practice load on demand (wavesurfer, uPlot, backup). */
import { lazy, Suspense } from 'react';
import { PracticeScreen } from '../features/practice/PracticeScreen.tsx';
import type { TakeRecord } from '../storage/index.ts';
import { useApp } from '../services/app-context.ts';
import type { Route } from '../services/routes.ts';

const HistoryScreen = lazy(async () => ({ default: (await import('../features/history/HistoryScreen.tsx')).HistoryScreen }));
const TakeScreen = lazy(async () => ({ default: (await import('../features/history/TakeScreen.tsx')).TakeScreen }));
const ProgressScreen = lazy(async () => ({ default: (await import('../features/progress/ProgressScreen.tsx')).ProgressScreen }));
const SettingsScreen = lazy(async () => ({ default: (await import('../features/settings/SettingsScreen.tsx')).SettingsScreen }));

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
    case 'history':
      return <HistoryScreen />;
    case 'take':
      return <TakeScreen key={route.takeId} takeId={route.takeId} />;
    case 'progress':
      return <ProgressScreen />;
    case 'settings':
      return <SettingsScreen />;
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
