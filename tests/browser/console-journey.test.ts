import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { HISTORY, SUBGRAPHS } from '../../console/src/registry/registry-queries';
import { repositoryRoot } from '../../schema/runtime/repository-root';
import { type ConsoleBrowser, openConsoleBrowser, readUntil, screenshot, signInAs } from '../support/console-browser';
import { tokenFor } from '../support/personas';
import { startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * The console's main journey in a real browser against the multi-process
 * stack: an operator takes and dispatches a request, the water company
 * accepts and reports, the supervisor calls the citizen back, the auditor
 * reads the whole trail and verifies it. Then the desks' other paths: an
 * answer on the spot, a return with its reason, an extension asked, urged,
 * supervised and granted, and the registry's history with a diff. The stack
 * follows a schema registry, as `npm start` runs it. Nothing may leave the
 * origin.
 */
describe('web console in chromium', () => {
  let stack: ProcessStack;
  let chrome: ConsoleBrowser;
  let origin: string;
  const content = `浏览器测试：幸福小区3栋停水 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(repositoryRoot(), 'scripts/build-console.js')], { stdio: 'inherit' });
    stack = await startProcessStack({ registry: true });
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

  const followUp = { returned: `浏览器测试：路灯不亮，实为供电局 ${Date.now().toString(36)}`, extended: `浏览器测试：主管道更换需停水 ${Date.now().toString(36)}` };
  const followUpIds: Record<string, string> = {};
  const followUpNumbers: Record<string, string> = {};

  /** The operator seat takes one request and dispatches it to the category's department. */
  async function takeAndDispatch(page: Page, text: string, key: string): Promise<void> {
    const before = await page.locator('.created').getAttribute('data-ticket-id');
    await page.fill('textarea[name="content"]', text);
    await page.click('form.intake button[type="submit"]');
    const created = page.locator(`.created:not([data-ticket-id="${before}"])`);
    await created.waitFor();
    followUpIds[key] = (await created.getAttribute('data-ticket-id'))!;
    followUpNumbers[key] = (await created.locator('h3').textContent())!.match(/\S+-\d+|\d{8,}\S*/)![0];
    await page.click('.created button:has-text("派单")');
    await page.locator('table.dispatched').waitFor();
  }

  const assignmentsOf = async (key: string) =>
    (await stack.graphql('query($id: ID!) { ticket(id: $id) { status supervision assignments { status deadline urgeCount returnReason extensionDays } } }', { id: followUpIds[key] }, 'supervisor')).body.data
      .ticket;

  it('operator: answers a policy question on the spot from the knowledge base, and dispatches two more', async () => {
    const { page } = await chrome.desk();
    await signInAs(page, origin, 'operator-007');
    await page.waitForSelector('select[name="categoryCode"] option[value="policy_consult"]', { state: 'attached' });
    await page.selectOption('select[name="categoryCode"]', 'policy_consult');
    await page.fill('textarea[name="content"]', '请问水费在哪里缴纳？');
    await page.click('form.intake button[type="submit"]');
    const created = page.locator('.created');
    await created.waitFor();
    const answeredId = (await created.getAttribute('data-ticket-id'))!;
    // the seeded article 水费缴纳 is suggested for the category; its text becomes the answer
    await page.locator('aside.suggestions article.article', { hasText: '水费缴纳' }).locator('button:has-text("直接答复")').click();
    await page.locator('.created h3', { hasText: 'ANSWERED' }).waitFor();
    await screenshot(page, 'operator-answer');
    expect(await page.locator('.created fieldset').count()).toBe(0);
    // answered: the suggestions no longer offer to answer it (nor to merge it)
    expect(await page.locator('aside.suggestions button:has-text("直接答复")').count()).toBe(0);
    const answered = await stack.graphql('query($id: ID!) { ticket(id: $id) { status assignments { id } } }', { id: answeredId }, 'operator');
    expect(answered.body.data.ticket).toEqual({ status: 'ANSWERED', assignments: [] });

    await page.selectOption('select[name="categoryCode"]', 'water_outage');
    await takeAndDispatch(page, followUp.returned, 'returned');
    await takeAndDispatch(page, followUp.extended, 'extended');
    await page.close();
  });

  it('department: returns one ticket with its reason and asks for more working days on another', async () => {
    const { page } = await chrome.desk();
    await signInAs(page, origin, 'water-staff-1');
    const returned = page.locator('tr', { hasText: followUp.returned });
    await returned.locator('input[name="text"]').fill('路灯归供电局管理 Streetlights belong to the power bureau');
    await returned.locator('button:has-text("退单")').click();
    await returned.waitFor({ state: 'detached' });

    const extended = page.locator('tr', { hasText: followUp.extended });
    await extended.locator('button:has-text("签收")').click();
    await extended.locator('td.status:has-text("ACCEPTED")').waitFor();
    await extended.locator('input[name="text"]').fill('需更换主管道 The main must be replaced');
    await extended.locator('input[type="number"]').fill('3');
    await extended.locator('button:has-text("申请延期")').click();
    await extended.locator('td.status:has-text("EXTENSION_REQUESTED")').waitFor();
    await page.close();

    expect(await assignmentsOf('returned')).toMatchObject({ status: 'RETURNED', assignments: [{ status: 'RETURNED', returnReason: expect.stringContaining('供电局') }] });
    expect(await assignmentsOf('extended')).toMatchObject({ status: 'DISPATCHED', assignments: [{ status: 'EXTENSION_REQUESTED', extensionDays: 3 }] });
  });

  it('supervisor: urges and supervises the ticket whose extension waits, then grants the 3 working days', async () => {
    const before = await assignmentsOf('extended');
    const { page } = await chrome.desk();
    await signInAs(page, origin, 'supervisor-01');
    const row = page.locator(`table.board[data-list="延期申请"] tr[data-ticket="${followUpNumbers.extended}"]`);
    await row.waitFor();
    await row.locator('button:has-text("催办")').click();
    await readUntil(async () => (await assignmentsOf('extended')).assignments[0].urgeCount, (count) => count === 1, 5000);
    // the board reloads after each action; supervising sends the ticket version it shows, so wait for the fresh one
    await page.waitForLoadState('networkidle');
    await row.locator('button:has-text("督办")').click();
    await row.locator('button:has-text("督办")').waitFor({ state: 'detached' });
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'supervisor-extension');
    await row.locator('button:text-is("同意")').click();
    await row.waitFor({ state: 'detached' });
    await page.close();

    const after = await assignmentsOf('extended');
    expect(after).toMatchObject({ supervision: 'SUPERVISED', assignments: [{ status: 'IN_PROGRESS', urgeCount: 1 }] });
    expect(new Date(after.assignments[0].deadline).getTime()).toBeGreaterThan(new Date(before.assignments[0].deadline).getTime());
  });

  it("registry view: the water company's versions with the diff between them, and a check that would remove a field", async () => {
    const admin = `Bearer ${await tokenFor('systemAdmin')}`;
    const call = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${stack.env.REGISTRY_URL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: admin }, body: JSON.stringify({ query, variables }) });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each query's own shape, read by the test below
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const [v1] = (await call(HISTORY, { name: 'water' })).subgraphHistory;
    // a better description: the shape the gateway plans with stays the same, so the running service still matches it
    const described = v1.sdl.replace('A water supply zone (供水片区)', 'A water supply zone (供水片区), with its pressure districts (分区)');
    expect(described).not.toBe(v1.sdl);
    const { routingUrl } = (await call(SUBGRAPHS, {})).subgraphs.find((subgraph: { name: string }) => subgraph.name === 'water');
    const base = { name: 'water', department: 'water', routingUrl };
    const published = await call('mutation($input: SubgraphInput!) { publishSubgraph(input: $input) { ok version check { serviceViolations compositionErrors contractViolations } } }', {
      input: { ...base, sdl: described, reason: '分区说明 describe the supply zone' },
    });
    expect(published.publishSubgraph).toMatchObject({ ok: true, version: 2, check: { serviceViolations: [], compositionErrors: [], contractViolations: [] } });
    const withoutZones = described.replace(/^\s+supplyZones\b.*$/m, '');
    expect(withoutZones).not.toBe(described);
    const checked = await call('mutation($input: SubgraphInput!) { checkSubgraph(input: $input) { check { breakingChanges { path } } } }', { input: { ...base, sdl: withoutZones } });
    expect(checked.checkSubgraph.check.breakingChanges).toContainEqual({ path: 'Query.supplyZones' });

    const { page } = await chrome.desk();
    await signInAs(page, origin, 'sysadmin-1');
    await page.click('header a[href="#/registry"]');
    await page.locator('.registry tr', { hasText: 'water' }).locator('button.link').click();
    await page.locator('.history button:has-text("v1→v2")').click();
    await expect(page.locator('pre.diff .added').first().textContent()).resolves.toContain('pressure districts (分区)');
    await expect(page.locator('.history li', { hasText: 'supplyZones' }).first().textContent()).resolves.toMatch(/'supplyZones' was removed from object type 'Query'/);
    await screenshot(page, 'registry');
    await page.close();
  });

  it('no page asked anything of another origin', () => {
    expect(ticketNumber).not.toBe('');
    expect(chrome.foreign).toEqual([]);
  });
});
