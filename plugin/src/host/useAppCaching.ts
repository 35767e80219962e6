import { useEffect, useRef, useState } from 'react';
import { navigate } from '../router.js';
import { routeForCachedLoad } from './cachedLoad.js';
import type { TeamsHost } from './teamsHost.js';

// App caching, the React side. Before Teams hides the tab (`beforeUnload`) the whole tab below the host is
// unmounted — that closes the engagement's live stream, leaves any breakout room and gives the Teams meeting
// its sound back — and only then does Teams hear readyToUnload. When Teams shows it again (`load`), the tab
// goes to the contentUrl Teams asks for and mounts afresh: a new stream, a new snapshot, no stale engagement.

export interface CacheLife {
  /** Bumped on every `load`: the key that remounts the tab. */
  generation: number;
  /** Between `beforeUnload` and the next `load`: nothing is mounted. */
  suspended: boolean;
}

/** Teams waits 30 s for readyToUnload, then refuses to cache the tab; we answer well before that. */
const UNLOAD_DEADLINE_MS = 10_000;

export function useAppCaching(teams: TeamsHost | null): CacheLife {
  const [life, setLife] = useState<CacheLife>({ generation: 0, suspended: false });
  const unmounted = useRef<Array<() => void>>([]);

  useEffect(() => {
    if (!teams) return;
    teams.enableCaching({
      onLoad(load) {
        const route = routeForCachedLoad(new URL(window.location.href), load);
        if (route.kind === 'reload') return window.location.assign(route.url);
        if (route.kind === 'navigate') navigate(route.to);
        setLife((l) => ({ generation: l.generation + 1, suspended: false }));
        teams.notifyLoaded();
      },
      onBeforeUnload() {
        const released = new Promise<void>((resolve) => unmounted.current.push(resolve));
        setLife((l) => ({ ...l, suspended: true }));
        return withDeadline(released.then(() => teams.audioHandoff?.settled()));
      },
    });
  }, [teams]);

  // Runs after the commit that unmounted the tab, so the children's clean-ups have run.
  useEffect(() => {
    if (life.suspended) for (const resolve of unmounted.current.splice(0)) resolve();
  }, [life]);

  return life;
}

function withDeadline(work: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, UNLOAD_DEADLINE_MS);
    work.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}
