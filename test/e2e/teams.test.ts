import { resolve } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { ensurePluginBuilt } from './support/buildPlugin.js';
import { chromiumOrSkip, launchChromium } from './support/chromium.js';
import { startFakeTeamsHost, type FakeHostOptions, type FakeTeamsHost } from './support/fakeTeamsHost.js';
import { freePort, startServer, type RunningServer } from './support/startServer.js';

// The tab inside a host that speaks TeamsJS's protocol: the configuration page saves a contentUrl with
// the inTeams marker, the side panel routes on frameContext, takes its bearer from getAuthToken, follows
// the Teams theme and shares to the stage. The host's origin comes from TEAMS_EXTRA_HOST_ORIGINS.

const root = resolve(import.meta.dirname, '../..');
const executable = chromiumOrSkip();

interface HostCall {
  func: string;
  args: unknown[];
}

describe.skipIf(!executable)('the tab inside a (fake) Teams host', () => {
  let server: RunningServer;
  let host: FakeTeamsHost;
  let browser: Browser;
  let token = '';
  let engagementId = '';
  const title = 'Consultation on capacity-building (Teams)';

  beforeAll(async () => {
    ensurePluginBuilt(root);
    const hostPort = await freePort();
    server = await startServer(root, { TEAMS_EXTRA_HOST_ORIGINS: `http://localhost:${hostPort}` });
    host = await startFakeTeamsHost(hostPort);
    browser = await launchChromium(executable!);
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
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.stop();
  });

  async function openInHost(options: Omit<FakeHostOptions, 'token'>): Promise<{ page: Page; tab: Frame }> {
    const page = await browser.newPage({ viewport: { width: (options.width ?? 320) + 20, height: (options.height ?? 800) + 20 } });
    await page.goto(host.urlFor({ ...options, token }));
    const handle = await page.waitForSelector('iframe#tab');
    const tab = (await handle.contentFrame())!;
    return { page, tab };
  }

  const calls = (page: Page) => page.evaluate(() => (window as unknown as { hostCalls: HostCall[] }).hostCalls);

  it('given the configuration dialog, when the Chair picks an engagement and Teams saves, then the tab is saved with an inTeams contentUrl', async () => {
    const { page, tab } = await openInHost({ tabUrl: `${server.url}/config?inTeams=1`, frameContext: 'settings', theme: 'default', width: 600, height: 500 });
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
    expect((await calls(page)).map((c) => c.func)).toContain('appInitialization.success');
    await page.close();
  }, 120_000);

  it('given the side panel in the dark theme, when the Chair shares to the stage, then Teams gets the stage URL; a theme switch follows', async () => {
    const { page, tab } = await openInHost({ tabUrl: `${server.url}/e/${encodeURIComponent(engagementId)}?inTeams=1`, frameContext: 'sidePanel', theme: 'dark' });
    // The bearer came from getAuthToken: the compact console loads for the Chair.
    await tab.getByRole('heading', { name: title }).waitFor();
    expect((await calls(page)).some((c) => c.func === 'authentication.getAuthToken')).toBe(true);
    const background = () => tab.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
    expect(await background()).not.toBe('rgb(255, 255, 255)');
    await tab.getByRole('button', { name: 'Share to stage' }).click();
    await expect
      .poll(async () => (await calls(page)).find((c) => c.func === 'meeting.shareAppContentToStage')?.args[0])
      .toBe(`${server.url}/stage/${encodeURIComponent(engagementId)}?inTeams=1`);
    expect(await seriousViolations(tab)).toEqual([]);
    // Store rule for in-meeting tabs: no horizontal scrolling at the side panel's width.
    expect(await tab.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: resolve(root, 'docs/screenshots/side-panel-chair-dark.png') });
    await page.evaluate(() => (window as unknown as { switchTheme: (t: string) => void }).switchTheme('default'));
    await expect.poll(background).toBe('rgb(255, 255, 255)');
    await page.close();
  }, 120_000);

  it('given the meeting stage, then the stage view shows whatever the role', async () => {
    const { page, tab } = await openInHost({ tabUrl: `${server.url}/e/${encodeURIComponent(engagementId)}?inTeams=1`, frameContext: 'meetingStage', theme: 'dark', width: 994, height: 678 });
    await tab.getByRole('heading', { name: 'No question is open yet' }).waitFor();
    await tab.getByText('Waiting for the Chair to give the floor').waitFor();
    await page.close();
  }, 120_000);
});
