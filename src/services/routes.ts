/** The app's screens as hash routes (#/practice, #/history, #/take/<id>, #/progress, #/settings). Pure. */

/** The screens reachable from the navigation. */
export type NavScreen = 'practice' | 'history' | 'progress' | 'settings';

/** Every screen, with what it shows. */
export type Route =
  | { screen: NavScreen }
  | { screen: 'take'; takeId: string };

/** The navigation, in order. */
export const NAV_SCREENS: readonly NavScreen[] = ['practice', 'history', 'progress', 'settings'];

/** The route of a location hash; anything unknown is Practice. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head, ...rest] = path.split('/');
  if (head === 'take' && rest.length > 0 && rest[0] !== '') return { screen: 'take', takeId: decodeURIComponent(rest.join('/')) };
  const screen = NAV_SCREENS.find((s) => s === head);
  return { screen: screen ?? 'practice' };
}

/** The hash of a route. */
export function routeHref(route: Route): string {
  return route.screen === 'take' ? `#/take/${encodeURIComponent(route.takeId)}` : `#/${route.screen}`;
}

/** The navigation entry that is current on a route (a take belongs to History). */
export function navScreenOf(route: Route): NavScreen {
  return route.screen === 'take' ? 'history' : route.screen;
}
