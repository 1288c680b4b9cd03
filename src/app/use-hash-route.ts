/** The current hash route, following the browser's back and forward buttons. */
import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHref, type Route } from '../services/routes.ts';

/** The route and a function to go to another. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    const href = routeHref(next);
    if (window.location.hash !== href) window.location.hash = href;
    else setRoute(next);
  }, []);
  return [route, navigate];
}
