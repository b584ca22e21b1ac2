import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium; playwright's own browser download is not what this project installs. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ConsoleBrowser {
  browser: Browser;
  /** Every request any page made that did not go to the console's own origin. */
  foreign: string[];
  /** A fresh signed-out session (its own storage), as one person at one desk. */
  desk(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * Chromium on a new empty profile (playwright-core gives each launch a fresh
 * user-data-dir) with every request watched: the console may ask only its
 * own origin for anything.
 */
export async function openConsoleBrowser(origin: string): Promise<ConsoleBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const foreign: string[] = [];
  const watch = (page: Page) =>
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith(`blob:${origin}/`)) foreign.push(url);
    });
  return {
    browser,
    foreign,
    async desk() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
      context.on('page', watch);
      const page = await context.newPage();
      return { context, page };
    },
    close: () => browser.close(),
  };
}

/** Signs in on the development login as one of the gateway's personas. */
export async function signInAs(page: Page, origin: string, persona: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.click(`button[data-persona="${persona}"]`);
  await page.waitForSelector('header nav a');
}

/** Writes the page's screenshot when CONSOLE_SCREENSHOTS names a folder (npm run console:screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.CONSOLE_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/console-${name}.png`, fullPage: true });
}

/** Reads `read` again every second until `done` holds of it (the feeds deliver within seconds); fails with the last reading. */
export async function readUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
