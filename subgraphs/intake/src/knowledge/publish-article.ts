import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../../../schema/errors';
import { type ArticleContent, pickContent } from './article-content';
import { KnowledgeArticleVersion } from './article-version.entity';
import { KnowledgeArticle } from './knowledge-article.entity';

/**
 * Makes `content` what operators read: a new article, or the next version of
 * `articleId`, and the version kept beside it, in the caller's transaction.
 */
export async function publishArticle(
  manager: EntityManager,
  content: ArticleContent,
  by: { publishedBy: string; proposedBy?: string | null },
  articleId?: string | null,
): Promise<KnowledgeArticle> {
  const now = new Date();
  const current = articleId ? await manager.findOneBy(KnowledgeArticle, { id: articleId }) : null;
  if (articleId && !current) throw new NotFoundError('knowledge article', articleId);
  const article = manager.create(KnowledgeArticle, { ...pickContent(content), id: current?.id ?? randomUUID(), version: (current?.version ?? 0) + 1, updatedAt: now });
  await manager.save(KnowledgeArticle, article);
  await manager.insert(KnowledgeArticleVersion, { ...pickContent(content), articleId: article.id, version: article.version, publishedBy: by.publishedBy, proposedBy: by.proposedBy ?? null, publishedAt: now });
  return article;
}
