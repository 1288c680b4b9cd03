/**
 * The app's screens as hash routes (#/practice, #/practice/<drillId>, #/history, #/take/<id>, #/calls, #/call/<id>,
 * #/progress, #/settings; in trainer mode #/trainer and #/roster; #/pack/<payload> opens a trainer's pack link; #/team the team administration). Pure.
 */

/** The screens reachable from the navigation. */
export type NavScreen = 'practice' | 'history' | 'calls' | 'progress' | 'settings' | 'trainer' | 'roster';

/** Every screen, with what it shows. */
export type Route =
  | { screen: NavScreen }
  | { screen: 'take'; takeId: string }
  | { screen: 'call'; callId: string }
  /** Practice with one drill selected (a drill the agent made from a call). */
  | { screen: 'drill'; drillId: string }
  /** A trainer's pack link (the pack compressed into the fragment; src/packs/link.ts reads the payload). */
  | { screen: 'pack-link'; payload: string }
  /** Team administration (issue 13), opened from Settings → Team server. */
  | { screen: 'team' };

/** The navigation, in order. */
export const NAV_SCREENS: readonly NavScreen[] = ['practice', 'history', 'calls', 'progress', 'settings', 'trainer', 'roster'];

/** The screens only shown in the navigation in trainer mode (Settings → Trainer mode). */
export const TRAINER_SCREENS: readonly NavScreen[] = ['trainer', 'roster'];

/** The navigation entries shown with or without trainer mode. */
export function navScreens(trainerMode: boolean): NavScreen[] {
  return NAV_SCREENS.filter((s) => trainerMode || !TRAINER_SCREENS.includes(s));
}

/** The route of a location hash; anything unknown is Practice. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head, ...rest] = path.split('/');
  const id = rest.length > 0 && rest[0] !== '' ? decodeURIComponent(rest.join('/')) : null;
  if (head === 'take' && id !== null) return { screen: 'take', takeId: id };
  if (head === 'call' && id !== null) return { screen: 'call', callId: id };
  if (head === 'practice' && id !== null) return { screen: 'drill', drillId: id };
  // The payload is kept as written (base64url): decoding it is the pack reader's job, with its limits.
  if (head === 'team') return { screen: 'team' };
  if (head === 'pack' && rest.length > 0 && rest[0] !== '') return { screen: 'pack-link', payload: rest.join('/') };
  const screen = NAV_SCREENS.find((s) => s === head);
  return { screen: screen ?? 'practice' };
}

/** The hash of a route. */
export function routeHref(route: Route): string {
  if (route.screen === 'take') return `#/take/${encodeURIComponent(route.takeId)}`;
  if (route.screen === 'call') return `#/call/${encodeURIComponent(route.callId)}`;
  if (route.screen === 'drill') return `#/practice/${encodeURIComponent(route.drillId)}`;
  if (route.screen === 'pack-link') return `#/pack/${route.payload}`;
  return `#/${route.screen}`;
}

/** The navigation entry that is current on a route (a take belongs to History, a call to Calls). */
export function navScreenOf(route: Route): NavScreen {
  if (route.screen === 'take') return 'history';
  if (route.screen === 'call') return 'calls';
  if (route.screen === 'drill' || route.screen === 'pack-link') return 'practice';
  if (route.screen === 'team') return 'settings';
  return route.screen;
}
