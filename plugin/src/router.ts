import { useEffect, useState } from 'react';

// A tiny router: the tab has five routes, and Teams owns the outer navigation, so a library is not needed.

export type Route =
  | { name: 'home' }
  | { name: 'join' }
  | { name: 'config' }
  | { name: 'privacy' }
  | { name: 'terms' }
  | { name: 'engagement'; engagementId: string }
  | { name: 'stage'; engagementId: string }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/join') return { name: 'join' };
  if (path === '/config') return { name: 'config' };
  if (path === '/privacy') return { name: 'privacy' };
  if (path === '/terms') return { name: 'terms' };
  const engagement = /^\/e\/([^/]+)$/.exec(path);
  if (engagement) return { name: 'engagement', engagementId: decodeURIComponent(engagement[1]) };
  const stage = /^\/stage\/([^/]+)$/.exec(path);
  if (stage) return { name: 'stage', engagementId: decodeURIComponent(stage[1]) };
  return { name: 'notFound' };
}

/** Keeps the marker parameters (`inTeams`, `theme`) when moving inside the tab. */
export function navigate(to: string): void {
  const url = new URL(to, window.location.origin);
  const current = new URLSearchParams(window.location.search);
  for (const keep of ['inTeams', 'theme']) {
    const value = current.get(keep);
    if (value && !url.searchParams.has(keep)) url.searchParams.set(keep, value);
  }
  window.history.pushState(null, '', `${url.pathname}${url.search}${url.hash}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => matchRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(matchRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
