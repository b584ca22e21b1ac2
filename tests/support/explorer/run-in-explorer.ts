import { chromium } from 'playwright-core';

/** Debian's chromium; playwright's own browser download is not what this project installs. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const SESSION_KEY = 'hotline-console.token';
// the callbacks given to the page run in the browser, not here: these are the page's globals they touch
declare const window: { localStorage: { setItem(key: string, value: string): void } };
declare const document: { querySelector(selector: string): unknown };

export interface ExplorerRun {
  /** The response GraphiQL's result pane holds after the run, parsed. */
  result: { data?: Record<string, unknown>; errors?: unknown[] };
  /** The Authorization header the explorer sent with the operation. */
  authorization: string | undefined;
  /** Every URL the page asked for, and those refused for leaving the origin. */
  requests: string[];
  blocked: string[];
}

/**
 * Opens `pageUrl` as a signed-in console user would (the token in the
 * console's localStorage key), with the network closed but for loopback,
 * types `query` into GraphiQL and runs it.
 */
export async function runInExplorer(pageUrl: string, token: string, query: string): Promise<ExplorerRun> {
  const origin = new URL(pageUrl).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const context = await browser.newContext();
    const requests: string[] = [];
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      const host = new URL(url).hostname;
      if (host === '127.0.0.1' || host === 'localhost') return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [SESSION_KEY, token]);
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    await page.evaluate((text) => {
      const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { setValue(text: string): void } };
      editor.CodeMirror.setValue(text);
    }, query);
    const sent = page.waitForRequest((request) => request.url() === `${origin}/graphql` && request.method() === 'POST' && (request.postData() ?? '').includes(query.slice(0, 12)));
    await page.click('.graphiql-execute-button');
    const authorization = (await sent).headers().authorization;
    // CodeMirror draws only the lines in view; the editor itself holds the whole response
    const response = await page.waitForFunction(() => {
      const editor = document.querySelector('.graphiql-response .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null;
      const text = editor?.CodeMirror.getValue() ?? '';
      return /"data"|"errors"/.test(text) ? text : false;
    });
    const result = JSON.parse((await response.jsonValue()) as string);
    return { result, authorization, requests, blocked };
  } finally {
    await browser.close();
  }
}
