/** The screen of the current route. */
import { HistoryScreen } from '../features/history/HistoryScreen.tsx';
import { TakeScreen } from '../features/history/TakeScreen.tsx';
import { PracticeScreen } from '../features/practice/PracticeScreen.tsx';
import { ProgressScreen } from '../features/progress/ProgressScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import type { TakeRecord } from '../storage/index.ts';
import type { Route } from './routes.ts';

/** Props of Screen. */
export interface ScreenProps {
  route: Route;
  /** A recovered take to analyse on the practice screen. */
  recovered: TakeRecord | null;
  onRecoveredTaken: () => void;
}

/** Renders the screen for the route (each screen owns and releases its own resources). */
export function Screen({ route, recovered, onRecoveredTaken }: ScreenProps): React.JSX.Element {
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
