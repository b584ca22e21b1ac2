import { seedIntake } from '../../seeds/intake.seed';
import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

/** The catalogue is kept through the API, and the seed that `npm start` runs every time never undoes an edit. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const SAVE = `mutation ($input: DepartmentInput!) { saveDepartment(input: $input) { department { code nameZh nameEn federated subgraph contact district active } } }`;
const RETIRE = 'mutation ($code: String!) { retireDepartment(input: { code: $code }) { department { code active retiredAt } } }';
const LIST = 'query ($all: Boolean!) { departments(includeRetired: $all) { code active } }';
const GARDENS = { code: 'gardens', nameZh: '市园林绿化处', nameEn: 'Gardens Office', federated: false, contact: '调度室 0550-3000000', district: 'langya' };

describe('the department catalogue in the API', () => {
  it('takes a new department and an edit from a system administrator, and from nobody else', async () => {
    const saved = await stack.graphql(SAVE, { input: GARDENS }, { as: 'systemAdmin' });
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data.saveDepartment.department).toEqual({ ...GARDENS, subgraph: null, active: true });
    const refused = await stack.graphql(SAVE, { input: GARDENS }, { as: 'operator' });
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await stack.graphql(SAVE, { input: { ...GARDENS, federated: true } }, { as: 'systemAdmin' });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subgraph' });
  });

  it('keeps an administrator\'s edits of departments and categories when the seed runs again', async () => {
    const renamed = await stack.graphql(SAVE, { input: { code: 'water', nameZh: '市供水集团', nameEn: 'Water Supply Group', federated: true, subgraph: 'water' } }, { as: 'systemAdmin' });
    expect(renamed.body.errors).toBeUndefined();
    const category = await stack.graphql(
      'mutation { saveCategory(input: { code: "water_quality", nameZh: "水质问题", nameEn: "Water quality problem", departmentCode: "water" }) { category { code nameZh } } }',
      {},
      { as: 'systemAdmin' },
    );
    expect(category.body.errors).toBeUndefined();
    // what `npm start` does on every start
    await seedIntake(stack.subgraphs.intake.data.dataSource, { sampleTickets: 0 });
    const after = await stack.graphql('{ departments { code nameZh } categories { code nameZh } }', {}, { as: 'operator' });
    expect(after.body.data.departments).toContainEqual({ code: 'water', nameZh: '市供水集团' });
    expect(after.body.data.departments).toContainEqual({ code: 'gardens', nameZh: '市园林绿化处' });
    expect(after.body.data.categories).toContainEqual({ code: 'water_quality', nameZh: '水质问题' });
  });

  it('retires a department once nothing routes to it: its history stays, nothing new is dispatched to it', async () => {
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput({ categoryCode: 'other' }) });
    const ticketId = created.body.data.createTicket.ticket.id;
    expect((await stack.graphql(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['gardens'] } })).body.errors).toBeUndefined();
    const busy = await stack.graphql(RETIRE, { code: 'gardens' }, { as: 'systemAdmin' });
    expect(busy.body.errors[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('1 open assignment') });
    const routed = await stack.graphql(RETIRE, { code: 'parks' }, { as: 'systemAdmin' });
    expect(routed.body.errors[0].message).toMatch(/categories .*tree_request.* route to parks/);

    const quiet = await stack.graphql(SAVE, { input: { code: 'kiosks', nameZh: '报亭管理处', nameEn: 'Kiosk Office', federated: false } }, { as: 'systemAdmin' });
    expect(quiet.body.errors).toBeUndefined();
    const retired = await stack.graphql(RETIRE, { code: 'kiosks' }, { as: 'systemAdmin' });
    expect(retired.body.data.retireDepartment.department).toMatchObject({ code: 'kiosks', active: false, retiredAt: expect.any(String) });
    const listed = await stack.graphql(LIST, { all: false }, { as: 'operator' });
    expect(listed.body.data.departments.map((d: { code: string }) => d.code)).not.toContain('kiosks');
    expect((await stack.graphql(LIST, { all: true }, { as: 'operator' })).body.data.departments).toContainEqual({ code: 'kiosks', active: false });

    const another = (await stack.graphql(CREATE_TICKET, { input: ticketInput({ categoryCode: 'other' }) })).body.data.createTicket.ticket.id;
    const toRetired = await stack.graphql(DISPATCH_TICKET, { input: { ticketId: another, departmentCodes: ['kiosks'] } });
    expect(toRetired.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('kiosks is retired') });
  });
});
