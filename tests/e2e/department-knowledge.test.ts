import { type Stack, startStack } from '../support/stack';

/** Issue 12, item 4: departments keep their own knowledge; the centre reviews it before operators read it out. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const PROPOSE = 'mutation ($input: KnowledgeArticleInput!) { proposeKnowledgeArticle(input: $input) { draft { id status departmentCode articleId } } }';
const REVIEW = 'mutation ($id: ID!, $publish: Boolean!, $note: String) { reviewKnowledgeDraft(input: { id: $id, publish: $publish, note: $note }) { draft { status articleId reviewNote } } }';
const ARTICLE = 'query ($id: ID!) { knowledgeArticle(id: $id) { titleZh version departmentCode versions { version titleZh proposedBy publishedBy } } }';
const SEARCH = 'query ($q: String) { knowledgeArticles(search: $q) { id } }';
const flushing = (overrides: Record<string, unknown> = {}) => ({
  titleZh: '东区管网冲洗期间水质发黄',
  titleEn: 'Yellow water while mains are flushed',
  bodyZh: '管网冲洗后短时水质发黄属正常现象，放水三至五分钟即可恢复。',
  bodyEn: 'Yellow water right after mains flushing is normal; run the tap for three to five minutes.',
  categoryCode: 'water_quality',
  validFrom: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

describe("a department's own knowledge", () => {
  let articleId: string;

  it('waits for the centre: operators do not read a draft, the reviewer publishes it as version 1', async () => {
    const draft = await stack.graphql(PROPOSE, { input: flushing() }, { as: 'waterAdmin' });
    expect(draft.body.errors).toBeUndefined();
    expect(draft.body.data.proposeKnowledgeArticle.draft).toMatchObject({ status: 'PENDING', departmentCode: 'water', articleId: null });
    expect((await stack.graphql(SEARCH, { q: '东区管网冲洗' })).body.data.knowledgeArticles).toEqual([]);

    const queue = await stack.graphql('{ knowledgeDrafts { id departmentCode } }', {}, { as: 'supervisor' });
    expect(queue.body.data.knowledgeDrafts).toContainEqual({ id: draft.body.data.proposeKnowledgeArticle.draft.id, departmentCode: 'water' });
    expect((await stack.graphql('{ knowledgeDrafts { id } }', {}, { as: 'operator' })).body.errors[0].extensions.code).toBe('FORBIDDEN');

    const rejectWithoutReason = await stack.graphql(REVIEW, { id: draft.body.data.proposeKnowledgeArticle.draft.id, publish: false }, { as: 'supervisor' });
    expect(rejectWithoutReason.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const published = await stack.graphql(REVIEW, { id: draft.body.data.proposeKnowledgeArticle.draft.id, publish: true, note: '已核实 checked' }, { as: 'supervisor' });
    expect(published.body.errors).toBeUndefined();
    articleId = published.body.data.reviewKnowledgeDraft.draft.articleId;
    expect((await stack.graphql(SEARCH, { q: '东区管网冲洗' })).body.data.knowledgeArticles).toEqual([{ id: articleId }]);
    const article = await stack.graphql(ARTICLE, { id: articleId });
    expect(article.body.data.knowledgeArticle).toMatchObject({ version: 1, departmentCode: 'water', versions: [{ version: 1, proposedBy: 'water-admin-1', publishedBy: 'supervisor-01' }] });
    const twice = await stack.graphql(REVIEW, { id: draft.body.data.proposeKnowledgeArticle.draft.id, publish: true }, { as: 'supervisor' });
    expect(twice.body.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('revisions keep every version; a rejected one changes nothing; another department cannot touch it', async () => {
    const revision = await stack.graphql(PROPOSE, { input: flushing({ id: articleId, titleZh: '东区管网冲洗后水质发黄怎么办' }) }, { as: 'waterAdmin' });
    const rejected = await stack.graphql(PROPOSE, { input: flushing({ id: articleId, titleZh: '错误标题' }) }, { as: 'waterAdmin' });
    await stack.graphql(REVIEW, { id: rejected.body.data.proposeKnowledgeArticle.draft.id, publish: false, note: '标题不准确 the title is misleading' }, { as: 'supervisor' });
    await stack.graphql(REVIEW, { id: revision.body.data.proposeKnowledgeArticle.draft.id, publish: true }, { as: 'supervisor' });
    const article = await stack.graphql(ARTICLE, { id: articleId });
    expect(article.body.data.knowledgeArticle).toMatchObject({ titleZh: '东区管网冲洗后水质发黄怎么办', version: 2 });
    expect(article.body.data.knowledgeArticle.versions.map((v: { version: number; titleZh: string }) => [v.version, v.titleZh])).toEqual([
      [2, '东区管网冲洗后水质发黄怎么办'],
      [1, '东区管网冲洗期间水质发黄'],
    ]);
    // a supervisor's own edit is a version too
    const direct = await stack.graphql('mutation ($input: KnowledgeArticleInput!) { saveKnowledgeArticle(input: $input) { article { version } } }', { input: { ...flushing({ id: articleId }), departmentCode: 'water' } }, { as: 'supervisor' });
    expect(direct.body.data.saveKnowledgeArticle.article.version).toBe(3);

    const foreign = await stack.graphql(PROPOSE, { input: flushing({ departmentCode: 'water' }) }, { as: 'streetlightStaff' });
    expect(foreign.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const centreArticle = (await stack.graphql(SEARCH, { q: '低保' })).body.data.knowledgeArticles[0];
    if (centreArticle) {
      const notTheirs = await stack.graphql(PROPOSE, { input: flushing({ id: centreArticle.id }) }, { as: 'waterAdmin' });
      expect(notTheirs.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});
