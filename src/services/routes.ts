/** The app's screens as hash routes (#/practice, #/practice/<drillId>, #/history, #/take/<id>, #/calls, #/call/<id>, #/progress, #/settings). Pure. */

/** The screens reachable from the navigation. */
export type NavScreen = 'practice' | 'history' | 'calls' | 'progress' | 'settings';

/** Every screen, with what it shows. */
export type Route =
  | { screen: NavScreen }
  | { screen: 'take'; takeId: string }
  | { screen: 'call'; callId: string }
  /** Practice with one drill selected (a drill the agent made from a call). */
  | { screen: 'drill'; drillId: string };

/** The navigation, in order. */
export const NAV_SCREENS: readonly NavScreen[] = ['practice', 'history', 'calls', 'progress', 'settings'];

/** The route of a location hash; anything unknown is Practice. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head, ...rest] = path.split('/');
  const id = rest.length > 0 && rest[0] !== '' ? decodeURIComponent(rest.join('/')) : null;
  if (head === 'take' && id !== null) return { screen: 'take', takeId: id };
  if (head === 'call' && id !== null) return { screen: 'call', callId: id };
  if (head === 'practice' && id !== null) return { screen: 'drill', drillId: id };
  const screen = NAV_SCREENS.find((s) => s === head);
  return { screen: screen ?? 'practice' };
}

/** The hash of a route. */
export function routeHref(route: Route): string {
  if (route.screen === 'take') return `#/take/${encodeURIComponent(route.takeId)}`;
  if (route.screen === 'call') return `#/call/${encodeURIComponent(route.callId)}`;
  if (route.screen === 'drill') return `#/practice/${encodeURIComponent(route.drillId)}`;
  return `#/${route.screen}`;
}

/** The navigation entry that is current on a route (a take belongs to History, a call to Calls). */
export function navScreenOf(route: Route): NavScreen {
  if (route.screen === 'take') return 'history';
  if (route.screen === 'call') return 'calls';
  if (route.screen === 'drill') return 'practice';
  return route.screen;
}
