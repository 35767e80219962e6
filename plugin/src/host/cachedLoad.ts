import type { Surface } from './hostMode.js';

// Teams app caching (Microsoft Learn: "App caching for your tab app"): Teams may keep the tab's
// webview after it is closed and show it again later, sending `load` with the contentUrl and entityId it
// wants now — possibly another meeting's tab. These rules decide where a re-shown tab goes.

/** Where Teams caches a tab: the meeting side panel ("the only supported frameContext in meetings") and meeting/chat tabs. */
export function cachingApplies(surface: Surface): boolean {
  return surface === 'sidePanel' || surface === 'content';
}

export interface CachedLoad {
  entityId?: string;
  contentUrl?: string;
}

export type CachedLoadRoute =
  | { kind: 'same' }
  /** A path on our own origin, for the tab's router. */
  | { kind: 'navigate'; to: string }
  /** Another origin: only a full page load can get there. */
  | { kind: 'reload'; url: string };

/**
 * contentUrl is what the Chair saved in the configuration page (`/e/<id>?inTeams=1`), so it wins; a bare
 * entityId (our engagement id) is the fallback when Teams sends no usable contentUrl.
 */
export function routeForCachedLoad(current: URL, load: CachedLoad): CachedLoadRoute {
  let target: URL | null = null;
  if (load.contentUrl) {
    try {
      target = new URL(load.contentUrl, current);
    } catch {
      target = null;
    }
  }
  if (!target && load.entityId) target = new URL(`/e/${encodeURIComponent(load.entityId)}?inTeams=1`, current);
  if (!target) return { kind: 'same' };
  if (target.origin !== current.origin) return { kind: 'reload', url: target.href };
  if (target.pathname === current.pathname && sameParams(target.searchParams, current.searchParams)) return { kind: 'same' };
  return { kind: 'navigate', to: `${target.pathname}${target.search}${target.hash}` };
}

const sameParams = (a: URLSearchParams, b: URLSearchParams): boolean => {
  const sorted = (p: URLSearchParams) =>
    [...p]
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('&');
  return sorted(a) === sorted(b);
};
