import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repositoryRoot } from '../../schema/runtime/repository-root';
import { type ConsoleBrowser, openConsoleBrowser, readUntil, screenshot, signInAs } from '../support/console-browser';
import { startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * The console's main journey in a real browser against the multi-process
 * stack: an operator takes and dispatches a request, the water company
 * accepts and reports, the supervisor calls the citizen back, the auditor
 * reads the whole trail and verifies it. Nothing may leave the origin.
 */
describe('web console in chromium', () => {
  let stack: ProcessStack;
  let chrome: ConsoleBrowser;
  let origin: string;
  const content = `浏览器测试：幸福小区3栋停水 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(repositoryRoot(), 'scripts/build-console.js')], { stdio: 'inherit' });
    stack = await startProcessStack();
    origin = `http://127.0.0.1:${stack.env.GATEWAY_PORT}`;
    chrome = await openConsoleBrowser(origin);
  }, 240_000);

  afterAll(async () => {
    await chrome?.close();
    await stack?.close();
  });

  let ticketNumber = '';
  let ticketId = '';

  it('operator: creates a ticket, dispatches it to the water company with the deadline shown, merges its repeat', async () => {
    const { page } = await chrome.desk();
    await page.goto(`${origin}/`);
    await screenshot(page, 'login');
    await signInAs(page, origin, 'operator-007');
    await page.waitForSelector('select[name="categoryCode"] option[value="water_outage"]', { state: 'attached' });
    await page.selectOption('select[name="categoryCode"]', 'water_outage');
    await page.fill('input[name="citizenName"]', '张三');
    await page.fill('input[name="citizenPhone"]', '13912345678');
    await page.fill('input[name="address"]', '幸福小区3栋');
    await page.click('svg.picker', { position: { x: 80, y: 80 } });
    await page.fill('textarea[name="content"]', content);
    await page.click('form.intake button[type="submit"]');
    const created = page.locator('.created');
    await created.waitFor();
    ticketId = (await created.getAttribute('data-ticket-id'))!;
    ticketNumber = (await created.locator('h3').textContent())!.match(/\S+-\d+|\d{8,}\S*/)?.[0] ?? '';
    expect(await page.isChecked('input[name="dept-water"]')).toBe(true);
    await page.click('.created button:has-text("派单")');
    await page.locator('table.dispatched').waitFor();
    expect(await page.locator('table.dispatched').textContent()).toMatch(/办理时限: \d{4}/);
    await screenshot(page, 'operator');
    // the same caller about the same outage again: the first ticket is proposed as its repeat and merged into it
    await page.click('form.intake button[type="submit"]');
    await page.locator(`.created:not([data-ticket-id="${ticketId}"])`).waitFor();
    await page.click(`.repeat[data-repeat="${ticketNumber}"] button`);
    await page.locator('.created h3', { hasText: 'MERGED' }).waitFor();
    await page.close();
  });

  it('department: the water company accepts, starts and reports the result', async () => {
    const { page } = await chrome.desk();
    await signInAs(page, origin, 'water-staff-1');
    const row = page.locator('tr', { hasText: content });
    await row.locator('button:has-text("签收")').click();
    await row.locator('td.status:has-text("ACCEPTED")').waitFor();
    await row.locator('button:has-text("开始办理")').click();
    await row.locator('td.status:has-text("IN_PROGRESS")').waitFor();
    expect(await row.locator('.light').getAttribute('data-light')).toMatch(/GREEN|YELLOW|RED/);
    await row.locator('td button.link').click();
    // the water company's own subgraph places the ticket in a supply zone
    await page.locator('.ticket-view .water').waitFor();
    await screenshot(page, 'department');
    await row.locator('input[name="text"]').fill('已修复，恢复供水 Repaired');
    await row.locator('button:has-text("反馈结果")').click();
    await row.waitFor({ state: 'detached' });
    await page.close();
  });

  it('supervisor: calls the citizen back (satisfied) and sees the oversight dashboard', async () => {
    const { page } = await chrome.desk();
    await signInAs(page, origin, 'supervisor-01');
    // the merged repeat waits for its callback too (it follows its primary); this is the primary's row
    const row = page.locator(`table.callbacks tr[data-ticket="${ticketNumber}"]`);
    await row.waitFor();
    await screenshot(page, 'supervisor');
    await row.locator('button[data-result="SATISFIED"]').click();
    await row.waitFor({ state: 'detached' });
    const status = await stack.graphql('query($id: ID!) { ticket(id: $id) { status callbacks { result } } }', { id: ticketId }, 'supervisor');
    expect(status.body.data.ticket).toEqual({ status: 'CLOSED', callbacks: [{ result: 'SATISFIED' }] });
    await page.click('header a[href="#/oversight"]');
    // oversight follows the audit feed: the month's figures count the ticket once its events have arrived
    const received = await readUntil(
      async () => {
        await page.reload();
        await page.locator('dl.figures, .oversight .error').first().waitFor();
        return (await page.locator('dl.figures dd').first().textContent({ timeout: 1000 }).catch(() => null)) ?? '';
      },
      (text) => Number(text) >= 1,
    );
    expect(Number(received)).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.oversight .error').count()).toBe(0);
    await page.locator('table.ranking tbody tr').first().waitFor();
    // the water company's on-time rate over the last months, from six period queries
    await page.locator('.trends figure').first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'oversight');
    await page.close();
  });

  it('auditor: sees the cross-department trail as a timeline, verifies it and exports it', async () => {
    const { page } = await chrome.desk();
    await signInAs(page, origin, 'auditor-1');
    await page.click('header a[href="#/auditor"]');
    await page.fill('input[name="ticketId"]', ticketId);
    await page.click('form.search button[type="submit"]');
    const timeline = page.locator('ol.timeline li');
    // the audit subgraph receives events through the outbox: wait for the callback's event to arrive
    await readUntil(
      async () => {
        await page.reload();
        await page.fill('input[name="ticketId"]', ticketId);
        await page.click('form.search button[type="submit"]');
        await timeline.first().waitFor();
        return timeline.evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
      },
      (actions) => actions.includes('ticket.callback'),
    );
    const actions = await timeline.evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['ticket.created', 'ticket.dispatched']));
    expect(actions.some((action) => action?.startsWith('assignment.'))).toBe(true);
    await page.click('.trail button:has-text("校验")');
    await expect(page.locator('.verification').getAttribute('data-ok')).resolves.toBe('true');
    const download = page.waitForEvent('download');
    await page.click('.trail button:has-text("导出 CSV")');
    expect((await download).suggestedFilename()).toBe(`trail-${ticketId}.csv`);
    await screenshot(page, 'auditor');
    // the language switch: the same desk in English, and back
    await page.click('header button.language');
    await expect(page.locator('.trail h3').textContent()).resolves.toMatch(/^Full trail/);
    await page.click('header button.language');
    await expect(page.locator('.trail h3').textContent()).resolves.toMatch(/^全流程轨迹/);
    await page.close();
  });

  it('no page asked anything of another origin', () => {
    expect(ticketNumber).not.toBe('');
    expect(chrome.foreign).toEqual([]);
  });
});
