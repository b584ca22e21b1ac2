import { chromium } from 'playwright-core';

/** Debian's chromium; playwright's own browser download is not what this project installs. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

export interface PageShot {
  /** Requests the page made beyond its own document: a self-contained page makes none. */
  requests: string[];
  /** A4 pages the print stylesheet lays the page out on. */
  printedPages: number;
}

/** Renders a page from its HTML alone, screenshots it whole into `out`, and prints it to count its pages. */
export async function screenshotPage(html: string, out: string): Promise<PageShot> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 820, height: 1000 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: out, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    return { requests, printedPages: pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0 };
  } finally {
    await browser.close();
  }
}
