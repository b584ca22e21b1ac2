import { KNOWLEDGE_ARTICLES, knowledgeArticleId as seeded, seedKnowledgeBase } from '../../seeds/intake/knowledge-articles';
import type { Persona } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const SEARCH = `query Search($search: String, $categoryCode: String, $departmentCode: String, $includeExpired: Boolean, $first: Int) {
  knowledgeArticles(search: $search, categoryCode: $categoryCode, departmentCode: $departmentCode, includeExpired: $includeExpired, first: $first) {
    id titleZh valid validTo
  }
}`;
const SAVE = `mutation Save($input: KnowledgeArticleInput!) { saveKnowledgeArticle(input: $input) { article { id titleZh categoryCode departmentCode valid } } }`;

async function search(variables: Record<string, unknown>, as: Persona = 'operator') {
  const response = await stack.graphql(SEARCH, variables, { as });
  expect(response.body.errors).toBeUndefined();
  return response.body.data.knowledgeArticles as { id: string; titleZh: string; valid: boolean }[];
}
const ids = (articles: { id: string }[]) => articles.map((article) => article.id);
const count = async () => Number((await stack.subgraphs.intake.data.dataSource.query('SELECT COUNT(*) AS n FROM knowledge_article'))[0].n);

/** An article no seed mentions, so saving it changes no other test's results. */
const gasLeak = (overrides: Record<string, unknown> = {}) => ({
  titleZh: '燃气泄漏应急处置',
  titleEn: 'Gas leak: what to tell the caller',
  bodyZh: '立即关闭燃气总阀，打开门窗通风，不要开关电器，到室外拨打燃气公司抢修电话。',
  bodyEn: 'Close the main gas valve, open the windows, do not switch anything on or off, and call the gas company from outside.',
  categoryCode: 'other',
  validFrom: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

describe('the knowledge base an operator searches during a call', () => {
  it('finds an article by a Chinese term and by an English term, in any case', async () => {
    expect(ids(await search({ search: '停水' }))).toContain(seeded('water-outage'));
    expect(ids(await search({ search: 'tankers' }))).toEqual([seeded('water-outage')]);
    expect(ids(await search({ search: 'RESIDENCE Permit' }))[0]).toBe(seeded('residence-permit'));
  });

  it('needs every term to match, in one SQL statement however many terms there are', async () => {
    expect(ids(await search({ search: '公交卡 挂失' }))).toEqual([seeded('bus-card')]);
    expect(await search({ search: '公交卡 低保' })).toEqual([]);
    const { queries } = stack.subgraphs.intake.data;
    const before = queries.count;
    expect(ids(await search({ search: ' water  tankers supply hours ' }))).toEqual([seeded('water-outage')]);
    expect(queries.count - before).toBe(1);
  });

  it('treats % and _ as text, not as wildcards', async () => {
    expect(await search({ search: '%' })).toEqual([]);
    expect(await search({ search: '_' })).toEqual([]);
  });

  it('hides expired articles unless asked for them', async () => {
    const expired = seeded('water-winter-2023');
    const current = await search({ search: '停水' });
    expect(ids(current)).not.toContain(expired);
    expect(current.every((article) => article.valid)).toBe(true);
    expect(await search({ search: '停水', includeExpired: true })).toContainEqual(expect.objectContaining({ id: expired, valid: false, validTo: '2024-03-31T16:00:00.000Z' }));
    const one = await stack.graphql('query($id: ID!) { knowledgeArticle(id: $id) { titleEn valid } }', { id: expired });
    expect(one.body.data.knowledgeArticle).toEqual({ titleEn: 'Winter 2023 mains replacement: outage schedule', valid: false });
  });

  it('filters by category and by department, most recently updated first', async () => {
    expect(ids(await search({ categoryCode: 'social_assistance' }))).toEqual([seeded('dibao'), seeded('temporary-assistance')]);
    expect(ids(await search({ departmentCode: 'transit' }))).toEqual([seeded('bus-card'), seeded('bus-route-change'), seeded('bus-complaint')]);
    expect(ids(await search({ search: '救助', categoryCode: 'education' }))).toEqual([]);
  });

  it('ranks title matches before body-only matches, even more recently updated ones', async () => {
    // school enrolment names the permit only in its body, and was updated after the permit article
    expect(ids(await search({ search: '居住证' }))).toEqual([seeded('residence-permit'), seeded('school-enrolment')]);
    expect(ids(await search({ search: 'residence permit' }))).toEqual([seeded('residence-permit'), seeded('school-enrolment')]);
  });

  it('gives at most 50 results and takes at most 8 words per search', async () => {
    expect(await search({ first: 3 })).toHaveLength(3);
    const tooMany = await stack.graphql(SEARCH, { first: 51 });
    expect(tooMany.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const tooWordy = await stack.graphql(SEARCH, { search: 'a b c d e f g h i' });
    expect(tooWordy.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });

  it('is for staff: departments may read it, citizens may not (their FAQ comes later)', async () => {
    expect(ids(await search({ search: '停水' }, 'waterStaff'))).toContain(seeded('water-outage'));
    const citizen = await stack.graphql(SEARCH, { search: '停水' }, { as: 'citizen' });
    expect(citizen.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('keeping the knowledge base', () => {
  it('lets a supervisor add an article and revise it, and operators find the revision', async () => {
    const created = await stack.graphql(SAVE, { input: gasLeak() }, { as: 'supervisor' });
    const { article } = created.body.data.saveKnowledgeArticle;
    expect(article).toMatchObject({ titleZh: '燃气泄漏应急处置', categoryCode: 'other', departmentCode: null, valid: true });

    const revision = gasLeak({ id: article.id, titleZh: '燃气泄漏怎么办', departmentCode: 'construction' });
    const revised = await stack.graphql(SAVE, { input: revision }, { as: 'supervisor' });
    expect(revised.body.data.saveKnowledgeArticle.article).toMatchObject({ id: article.id, titleZh: '燃气泄漏怎么办', departmentCode: 'construction' });
    expect(ids(await search({ search: '燃气 泄漏' }))).toEqual([article.id]);
  });

  it('seeds idempotently: a second run inserts nothing', async () => {
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(KNOWLEDGE_ARTICLES.length);
    expect(await seedKnowledgeBase(stack.subgraphs.intake.data.dataSource.manager)).toBe(0);
    expect(await count()).toBe(before);
  });

  it('refuses an operator with FORBIDDEN and writes nothing', async () => {
    const before = await count();
    const response = await stack.graphql(SAVE, { input: gasLeak({ titleZh: '操作员自建' }) }, { as: 'operator' });
    expect(response.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it.each([
    ['an empty title', { titleZh: '   ' }, /titleZh must not be empty/],
    ['an empty body', { bodyEn: '' }, /bodyEn must not be empty/],
    ['validTo before validFrom', { validTo: '2024-12-31T00:00:00.000Z' }, /validTo must be after validFrom/],
    ['an unknown category', { categoryCode: 'ufo_sighting' }, /unknown category ufo_sighting/],
    ['an unknown department', { departmentCode: 'ministry_of_magic' }, /unknown department ministry_of_magic/],
  ])('refuses %s with BAD_USER_INPUT', async (_what, overrides, message) => {
    const before = await count();
    const response = await stack.graphql(SAVE, { input: gasLeak(overrides) }, { as: 'supervisor' });
    expect(response.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(await count()).toBe(before);
  });
});

describe('one operation across the federation', () => {
  it("gives the operator the knowledge base's answer and the water company's live outages together", async () => {
    const response = await stack.graphql(`query DuringTheCall {
      knowledgeArticles(search: "停水") { id titleZh valid }
      waterOutages { kind reason active }
    }`);
    expect(response.body.errors).toBeUndefined();
    const { knowledgeArticles, waterOutages } = response.body.data;
    expect(knowledgeArticles[0]).toMatchObject({ id: seeded('water-outage'), titleZh: '停水怎么办', valid: true });
    expect(waterOutages).toContainEqual(expect.objectContaining({ kind: 'UNPLANNED', active: true }));
  });
});
