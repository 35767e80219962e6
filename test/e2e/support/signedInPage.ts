import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sessionScript, type Session } from './api.js';

// One person in their own browser context, already signed in (the tab's session seeded into
// sessionStorage before any script runs), on the engagement's page. Each context is pushed onto `contexts`
// so that the test's afterAll closes them.

export async function signedInPage(
  browser: Browser,
  contexts: BrowserContext[],
  url: string,
  session: Session,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  await context.addInitScript((value) => sessionStorage.setItem('convene.session', value), sessionScript(session));
  const page = await context.newPage();
  await page.goto(url);
  return page;
}
