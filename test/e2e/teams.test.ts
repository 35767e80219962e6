import { resolve } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { ensurePluginBuilt } from './support/buildPlugin.js';
import { startLiveKitDouble, type LiveKitDouble } from '../fakes/livekitServerDouble.js';
import { apiClient, type Session } from './support/api.js';
import { CHROMIUM_FLAGS, chromiumOrSkip } from './support/chromium.js';
import { startFakeTeamsHost, type FakeHostOptions, type FakeTeamsHost } from './support/fakeTeamsHost.js';
import { freePort, startServer, type RunningServer } from './support/startServer.js';

// The tab inside a host that speaks TeamsJS's protocol: the configuration page saves a contentUrl with
// the inTeams marker, the side panel routes on frameContext, takes its bearer from getAuthToken, follows
// the Teams theme and shares to the stage; a cached tab follows Teams' load and answers its beforeUnload;
// a breakout room mutes the Teams meeting's incoming audio and gives it back. The host's origin comes from
// TEAMS_EXTRA_HOST_ORIGINS. LiveKit is the double from test/fakes: it opens the rooms when the round starts,
// but speaks no signalling, so the tab's media connection is held open (never answered) by the test.

const root = resolve(import.meta.dirname, '../..');
const LIVEKIT_KEY = 'convene-teams-e2e-key';
const LIVEKIT_SECRET = 'convene-teams-e2e-secret-long-enough';
const executable = chromiumOrSkip();

interface HostCall {
  func: string;
  args: unknown[];
}

describe.skipIf(!executable)('the tab inside a (fake) Teams host', () => {
  let server: RunningServer;
  let host: FakeTeamsHost;
  let livekit: LiveKitDouble;
  let browser: Browser;
  let token = '';
  let engagementId = '';
  let otherId = '';
  const title = 'Consultation on capacity-building (Teams)';
  const otherTitle = 'Consultation on cyber norms (Teams)';

  beforeAll(async () => {
    ensurePluginBuilt(root);
    const hostPort = await freePort();
    livekit = await startLiveKitDouble({ apiKey: LIVEKIT_KEY, apiSecret: LIVEKIT_SECRET });
    server = await startServer(root, {
      TEAMS_EXTRA_HOST_ORIGINS: `http://localhost:${hostPort}`,
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: LIVEKIT_KEY,
      LIVEKIT_API_SECRET: LIVEKIT_SECRET,
    });
    host = await startFakeTeamsHost(hostPort);
    // Fake camera and microphone, granted without a prompt: the room's device check can run headless.
    browser = await chromium.launch({
      executablePath: executable!,
      args: [...CHROMIUM_FLAGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
      headless: true,
    });
    const signIn = await fetch(`${server.url}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Ambassador Chair' }),
    });
    token = ((await signIn.json()) as { token: string }).token;
    const created = await fetch(`${server.url}/api/engagements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title }),
    });
    engagementId = ((await created.json()) as { id: string }).id;
    otherId = (await apiClient(server.url).createEngagement(token, { title: otherTitle })).id;
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.stop();
    await livekit?.close();
  });

  async function openInHost(options: Omit<FakeHostOptions, 'token'> & { token?: string }): Promise<{ page: Page; tab: Frame }> {
    const page = await browser.newPage({ viewport: { width: (options.width ?? 320) + 20, height: (options.height ?? 800) + 20 } });
    await page.goto(host.urlFor({ token, ...options }));
    const handle = await page.waitForSelector('iframe#tab');
    const tab = (await handle.contentFrame())!;
    return { page, tab };
  }

  /** A new engagement with a running self-select round of one room, which `displayName` (a stakeholder) has chosen. */
  async function runningRound(displayName: string, theme: string): Promise<{ id: string; roundId: string; person: Session }> {
    const api = apiClient(server.url);
    const id = (await api.createEngagement(token, { title: `Consultation with breakouts (${displayName})` })).id;
    await api.command(token, id, { type: 'engagement.open' });
    const person = await api.redeem(
      (await api.invite(token, id, { role: 'stakeholder', displayName, organization: 'Cyber Africa Network', category: 'ngo' })).code,
    );
    await api.command(token, id, { type: 'engagement.start' });
    const [planned] = (
      await api.command(token, id, { type: 'breakouts.plan', mode: 'self-select', durationMinutes: 10, rooms: [{ theme, capacity: 4 }] })
    ).events;
    const roundId = planned.roundId as string;
    await api.command(person.token, id, { type: 'breakouts.choose', roundId, roomId: (planned.rooms as Array<{ id: string }>)[0].id });
    await api.command(token, id, { type: 'breakouts.start', roundId });
    return { id, roundId, person };
  }

  /** The person's side panel in a Teams meeting. The double opens rooms but speaks no signalling: the media connection is held open, unanswered. */
  async function openRoomInHost(
    id: string,
    person: Session,
    incomingAudio: FakeHostOptions['incomingAudio'],
  ): Promise<{ page: Page; tab: Frame }> {
    const opened = await openInHost({
      tabUrl: `${server.url}/e/${encodeURIComponent(id)}?inTeams=1`,
      frameContext: 'sidePanel',
      theme: 'default',
      token: person.token,
      incomingAudio,
    });
    await opened.page.context().routeWebSocket(/\/rtc/, () => undefined);
    return opened;
  }

  const calls = (page: Page) => page.evaluate(() => (window as unknown as { hostCalls: HostCall[] }).hostCalls);

  it('given the configuration dialog, when the Chair picks an engagement and Teams saves, then the tab is saved with an inTeams contentUrl', async () => {
    const { page, tab } = await openInHost({
      tabUrl: `${server.url}/config?inTeams=1`,
      frameContext: 'settings',
      theme: 'default',
      width: 600,
      height: 500,
    });
    await tab.getByRole('heading', { name: 'Add Convene to this meeting' }).waitFor();
    await tab.getByRole('button', { name: `Use ${title}` }).click();
    await expect.poll(async () => (await calls(page)).some((c) => c.func === 'settings.setValidityState' && c.args[0] === true)).toBe(true);
    await page.evaluate(() => (window as unknown as { pressSave: () => void }).pressSave());
    await expect.poll(async () => (await calls(page)).some((c) => c.func === 'settings.save.success')).toBe(true);
    const saved = (await calls(page)).find((c) => c.func === 'settings.setSettings')!.args[0] as Record<string, string>;
    expect(saved).toMatchObject({
      contentUrl: `${server.url}/e/${encodeURIComponent(engagementId)}?inTeams=1`,
      entityId: engagementId,
      suggestedDisplayName: 'Convene',
    });
    // Teams' documented order: the app is loaded (spinner down) first, success after the first render.
    const funcs = (await calls(page)).map((c) => c.func);
    expect(funcs).toContain('appInitialization.appLoaded');
    expect(funcs.filter((f) => f === 'appInitialization.success')).toHaveLength(1);
    expect(funcs.indexOf('appInitialization.appLoaded')).toBeLessThan(funcs.indexOf('appInitialization.success'));
    await page.close();
  }, 120_000);

  it('given the side panel in the dark theme, when the Chair shares to the stage, then Teams gets the stage URL; a theme switch follows', async () => {
    const { page, tab } = await openInHost({
      tabUrl: `${server.url}/e/${encodeURIComponent(engagementId)}?inTeams=1`,
      frameContext: 'sidePanel',
      theme: 'dark',
    });
    // The bearer came from getAuthToken: the compact console loads for the Chair.
    await tab.getByRole('heading', { name: title }).waitFor();
    expect((await calls(page)).some((c) => c.func === 'authentication.getAuthToken')).toBe(true);
    const background = () => tab.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
    expect(await background()).not.toBe('rgb(255, 255, 255)');
    await tab.getByRole('button', { name: 'Share to stage' }).click();
    await expect
      .poll(async () => (await calls(page)).find((c) => c.func === 'meeting.shareAppContentToStage')?.args[0])
      .toBe(`${server.url}/stage/${encodeURIComponent(engagementId)}?inTeams=1`);
    // On the stage now: the panel says so and offers the presenter "Stop sharing".
    await tab.getByText('Shown on the meeting stage').waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    // Store rule for in-meeting tabs: no horizontal scrolling at the side panel's width.
    expect(await tab.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: resolve(root, 'docs/screenshots/side-panel-chair-dark.png') });
    await page.evaluate(() => (window as unknown as { switchTheme: (t: string) => void }).switchTheme('default'));
    await expect.poll(background).toBe('rgb(255, 255, 255)');
    await page.close();
  }, 120_000);

  it('given the tab shared to the stage, when the presenter presses Stop sharing, then Teams is asked to stop and Share to stage returns', async () => {
    const { page, tab } = await openInHost({
      tabUrl: `${server.url}/e/${encodeURIComponent(engagementId)}?inTeams=1`,
      frameContext: 'sidePanel',
      theme: 'default',
    });
    await tab.getByRole('button', { name: 'Share to stage' }).click();
    await tab.getByRole('button', { name: 'Stop sharing' }).click();
    await expect.poll(async () => (await calls(page)).some((c) => c.func === 'meeting.stopSharingAppContentToStage')).toBe(true);
    await tab.getByRole('button', { name: 'Share to stage' }).waitFor();
    expect(await tab.getByText('Shown on the meeting stage').count()).toBe(0);
    await page.close();
  }, 120_000);

  it("given a scheduled meeting, when the Chair accepts its end as the hard stop, then the engagement's hard stop is the meeting's end", async () => {
    const api = apiClient(server.url);
    const id = (await api.createEngagement(token, { title: 'Consultation ending with the meeting' })).id;
    const scheduledEnd = new Date(Math.ceil((Date.now() + 2 * 3600_000) / 60_000) * 60_000).toISOString();
    const { page, tab } = await openInHost({
      tabUrl: `${server.url}/e/${encodeURIComponent(id)}?inTeams=1`,
      frameContext: 'sidePanel',
      theme: 'default',
      scheduledEnd,
    });
    await tab.getByText('This meeting is scheduled to end at').waitFor();
    await tab.getByRole('button', { name: 'Use as the hard stop' }).click();
    await expect
      .poll(
        async () =>
          (
            (await (await fetch(`${server.url}/api/engagements/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
              hardStop: string | null;
            }
          ).hardStop,
      )
      .toBe(scheduledEnd);
    // Offered no longer: it is the hard stop now.
    await expect.poll(() => tab.getByText('This meeting is scheduled to end at').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('given Teams refuses getMeetingDetails (no consent), when the Chair opens the console, then no hard stop is offered', async () => {
    const { page, tab } = await openInHost({
      tabUrl: `${server.url}/e/${encodeURIComponent(engagementId)}?inTeams=1`,
      frameContext: 'sidePanel',
      theme: 'default',
    });
    await tab.getByRole('heading', { name: title }).waitFor();
    await expect.poll(async () => (await calls(page)).some((c) => c.func === 'meeting.getMeetingDetails')).toBe(true);
    expect(await tab.getByText('This meeting is scheduled to end at').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('given the meeting stage, then the stage view shows whatever the role', async () => {
    const { page, tab } = await openInHost({
      tabUrl: `${server.url}/e/${encodeURIComponent(engagementId)}?inTeams=1`,
      frameContext: 'meetingStage',
      theme: 'dark',
      width: 994,
      height: 678,
    });
    await tab.getByRole('heading', { name: 'No question is open yet' }).waitFor();
    await tab.getByText('Waiting for the Chair to give the floor').waitFor();
    // Teams caches only side panels and meeting tabs: the stage does not opt in.
    expect((await calls(page)).filter((c) => c.func === 'registerHandler').map((c) => c.args[0])).not.toContain('load');
    await page.close();
  }, 120_000);

  it('given a cached side panel, when Teams sends beforeUnload, then the tab lets go and answers readyToUnload; when Teams loads it for another engagement, then that engagement shows', async () => {
    const { page, tab } = await openInHost({
      tabUrl: `${server.url}/e/${encodeURIComponent(engagementId)}?inTeams=1`,
      frameContext: 'sidePanel',
      theme: 'default',
    });
    // The live streams the tab opens, and those that ended (closed by the tab: Playwright reports them failed).
    const streams = { opened: [] as string[], ended: [] as string[] };
    const streamOf = (url: string) => /\/api\/engagements\/([^/]+)\/stream/.exec(url)?.[1];
    page.on('request', (r) => streamOf(r.url()) && streams.opened.push(streamOf(r.url())!));
    page.on('requestfailed', (r) => streamOf(r.url()) && streams.ended.push(streamOf(r.url())!));
    page.on('requestfinished', (r) => streamOf(r.url()) && streams.ended.push(streamOf(r.url())!));
    await tab.getByRole('heading', { name: title }).waitFor();
    const registered = (await calls(page)).filter((c) => c.func === 'registerHandler').map((c) => c.args[0]);
    expect(registered).toEqual(expect.arrayContaining(['load', 'beforeUnload']));

    await page.evaluate(() => (window as unknown as { sendBeforeUnload: () => void }).sendBeforeUnload());
    await expect.poll(async () => (await calls(page)).some((c) => c.func === 'readyToUnload')).toBe(true);
    // Nothing stays mounted while Teams keeps the tab hidden, and the engagement's live stream is closed.
    expect(await tab.getByRole('heading', { name: title }).count()).toBe(0);
    await expect
      .poll(() => streams.ended.filter((id) => id === engagementId).length)
      .toBe(streams.opened.filter((id) => id === engagementId).length);

    const successes = (await calls(page)).filter((c) => c.func === 'appInitialization.success').length;
    const contentUrl = `${server.url}/e/${encodeURIComponent(otherId)}?inTeams=1`;
    await page.evaluate((load) => (window as unknown as { sendLoad: (l: unknown) => void }).sendLoad(load), {
      entityId: otherId,
      contentUrl,
    });
    await tab.getByRole('heading', { name: otherTitle }).waitFor();
    expect(await tab.getByRole('heading', { name: title }).count()).toBe(0);
    expect(new URL(tab.url()).pathname).toBe(`/e/${encodeURIComponent(otherId)}`);
    expect(streams.opened).toContain(otherId);
    // Teams is told the re-shown tab is ready.
    await expect.poll(async () => (await calls(page)).filter((c) => c.func === 'appInitialization.success').length).toBe(successes + 1);
    await page.close();
  }, 120_000);

  it('given a running breakout round in a Teams meeting, when the participant joins their room, then the Teams meeting is muted; leaving and the round ending give its sound back', async () => {
    const theme = 'Financing capacity-building';
    const { id, roundId, person } = await runningRound('Amina Diallo', theme);
    const { page, tab } = await openRoomInHost(id, person, 'supported');
    const muted = () => page.evaluate(() => (window as unknown as { incomingAudioMuted: () => boolean }).incomingAudioMuted());
    const join = async () => {
      await tab.getByRole('button', { name: `Join the room: ${theme}` }).click();
      await tab.getByRole('button', { name: 'Join the room', exact: true }).click();
      await expect.poll(muted).toBe(true);
    };

    await tab.getByText('Convene mutes the Teams meeting for you while you are in the room', { exact: false }).waitFor();
    expect(await muted()).toBe(false);
    await join();
    await tab.getByText('The Teams meeting is muted for you while you are in this room', { exact: false }).waitFor();
    const funcs = (await calls(page)).map((c) => c.func);
    expect(funcs.indexOf('getIncomingClientAudioState')).toBeLessThan(funcs.indexOf('toggleIncomingClientAudio'));

    // Leaving the room (LiveKit's leave button) gives the meeting its sound back.
    await tab.locator('.lk-disconnect-button').click();
    await tab.getByText('You left the breakout room.').waitFor();
    await expect.poll(muted).toBe(false);

    // In the room again, then the Chair ends the round: the room view goes, and so does the mute.
    await join();
    await apiClient(server.url).command(token, id, { type: 'breakouts.end', roundId });
    await tab.getByText('The round has ended; everyone is back in plenary.').waitFor();
    await expect.poll(muted).toBe(false);
    expect((await calls(page)).filter((c) => c.func === 'toggleIncomingClientAudio')).toHaveLength(4);
    await page.close();
  }, 180_000);

  it('given Teams refuses the incoming-audio calls, when the participant joins a room, then the tab keeps advising to mute the meeting by hand', async () => {
    const theme = 'Skills and training';
    const { id, person } = await runningRound('Jonas Berg', theme);
    const { page, tab } = await openRoomInHost(id, person, 'refused');
    await tab.getByRole('button', { name: `Join the room: ${theme}` }).click();
    await tab.getByRole('button', { name: 'Join the room', exact: true }).click();
    await tab.getByText('Teams did not let Convene mute the meeting', { exact: false }).waitFor();
    expect((await calls(page)).some((c) => c.func === 'toggleIncomingClientAudio')).toBe(false);
    await tab.locator('.lk-disconnect-button').click();
    await tab.getByText('Mute the Teams meeting while you are in the room, so you do not hear both.').waitFor();
    await page.close();
  }, 180_000);
});
