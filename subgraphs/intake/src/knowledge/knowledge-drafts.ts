import { randomUUID } from 'node:crypto';
import { BadInputError, ConflictError, NotFoundError } from '../../../../schema/errors';
import { ForbiddenError } from '../../../../schema/identity/auth-checker';
import { inTransaction } from '../../../../schema/database/transaction';
import type { IntakeContext } from '../context';
import { type ArticleContent, pickContent } from './article-content';
import { KnowledgeArticle } from './knowledge-article.entity';
import { DraftStatus, KnowledgeDraft } from './knowledge-draft.entity';
import { publishArticle } from './publish-article';

/**
 * A department administrator proposes an article of their own department, or
 * a revision of one: it waits for the centre's review, and operators keep
 * reading the published text meanwhile.
 */
export async function proposeDraft(context: IntakeContext, content: ArticleContent, articleId: string | null): Promise<KnowledgeDraft> {
  const department = context.actor.department;
  if (!department) throw new ForbiddenError('only a department administrator proposes knowledge for their department');
  if (content.departmentCode && content.departmentCode !== department) throw new ForbiddenError(`you may propose knowledge for ${department} only`);
  const repository = context.dataSource.getRepository(KnowledgeDraft);
  if (articleId) {
    const article = await context.dataSource.getRepository(KnowledgeArticle).findOneBy({ id: articleId });
    if (!article) throw new NotFoundError('knowledge article', articleId);
    if (article.departmentCode !== department) throw new ForbiddenError(`that article is ${article.departmentCode ?? "the centre's"}, not ${department}'s`);
  }
  const draft = repository.create({
    ...pickContent(content),
    id: randomUUID(),
    articleId,
    departmentCode: department,
    status: DraftStatus.PENDING,
    proposedBy: context.actor.id,
    proposedAt: new Date(),
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
  });
  await repository.insert(draft);
  return draft;
}

/** The centre's review: publish the draft (a new version operators read from now on) or reject it with a note. */
export function reviewDraft(context: IntakeContext, draftId: string, publish: boolean, note: string | null): Promise<KnowledgeDraft> {
  const text = note?.trim() || null;
  if (!publish && !text) throw new BadInputError('say why the draft is rejected', 'note');
  return inTransaction(context.dataSource, async (manager) => {
    const draft = await manager.findOne(KnowledgeDraft, { where: { id: draftId }, lock: { mode: 'pessimistic_write' } });
    if (!draft) throw new NotFoundError('knowledge draft', draftId);
    if (draft.status !== DraftStatus.PENDING) throw new ConflictError(`the draft was ${draft.status.toLowerCase()} already`);
    if (publish) {
      const article = await publishArticle(manager, pickContent(draft), { publishedBy: context.actor.id, proposedBy: draft.proposedBy }, draft.articleId);
      draft.articleId = article.id;
    }
    Object.assign(draft, { status: publish ? DraftStatus.PUBLISHED : DraftStatus.REJECTED, reviewedBy: context.actor.id, reviewedAt: new Date(), reviewNote: text });
    await manager.save(KnowledgeDraft, draft);
    return draft;
  });
}
