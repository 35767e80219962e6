import { describe, expect, it } from 'vitest';
import { cachingApplies, routeForCachedLoad } from '../../../plugin/src/host/cachedLoad.js';

// Where a tab that Teams kept cached goes when Teams shows it again with a `load` (contentUrl, entityId).

const here = new URL('https://convene.example.org/e/eng-a?inTeams=1');

describe('app caching: the route for a load', () => {
  it('given a load for another engagement, when it arrives, then the tab navigates to that engagement on its own origin', () => {
    expect(routeForCachedLoad(here, { entityId: 'eng-b', contentUrl: 'https://convene.example.org/e/eng-b?inTeams=1' })).toEqual({
      kind: 'navigate',
      to: '/e/eng-b?inTeams=1',
    });
  });

  it('given a load for the engagement already shown (parameters in another order), then the tab stays where it is', () => {
    const current = new URL('https://convene.example.org/e/eng-a?inTeams=1&theme=dark');
    expect(
      routeForCachedLoad(current, { entityId: 'eng-a', contentUrl: 'https://convene.example.org/e/eng-a?theme=dark&inTeams=1' }),
    ).toEqual({ kind: 'same' });
  });

  it('given a load without a usable contentUrl, then the entityId (an engagement id) picks the engagement', () => {
    expect(routeForCachedLoad(here, { entityId: 'eng c', contentUrl: '' })).toEqual({ kind: 'navigate', to: '/e/eng%20c?inTeams=1' });
    expect(routeForCachedLoad(here, { entityId: 'eng-d', contentUrl: 'http://[broken' })).toEqual({
      kind: 'navigate',
      to: '/e/eng-d?inTeams=1',
    });
  });

  it('given a load with neither, then the tab stays', () => {
    expect(routeForCachedLoad(here, {})).toEqual({ kind: 'same' });
  });

  it('given a contentUrl on another origin, then only a full page load can reach it', () => {
    expect(routeForCachedLoad(here, { entityId: 'x', contentUrl: 'https://elsewhere.example.org/e/x?inTeams=1' })).toEqual({
      kind: 'reload',
      url: 'https://elsewhere.example.org/e/x?inTeams=1',
    });
  });

  it('given the surfaces, then caching applies to the side panel and meeting tabs only, not to the configuration dialog or the stage', () => {
    expect(cachingApplies('sidePanel')).toBe(true);
    expect(cachingApplies('content')).toBe(true);
    expect(cachingApplies('settings')).toBe(false);
    expect(cachingApplies('meetingStage')).toBe(false);
  });
});
