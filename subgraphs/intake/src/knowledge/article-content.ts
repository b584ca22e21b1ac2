import type { KnowledgeArticleInput } from './knowledge-article.input';

/** What an article says, as a draft, a version and the article itself each hold it. */
export interface ArticleContent {
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  categoryCode: string | null;
  departmentCode: string | null;
  validFrom: Date;
  validTo: Date | null;
}

export function contentOf(input: KnowledgeArticleInput): ArticleContent {
  return {
    titleZh: input.titleZh.trim(),
    titleEn: input.titleEn.trim(),
    bodyZh: input.bodyZh.trim(),
    bodyEn: input.bodyEn.trim(),
    categoryCode: input.categoryCode || null,
    departmentCode: input.departmentCode || null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
  };
}

/** The content alone, out of anything that holds it (a draft, a version). */
export function pickContent(from: ArticleContent): ArticleContent {
  const { titleZh, titleEn, bodyZh, bodyEn, categoryCode, departmentCode, validFrom, validTo } = from;
  return { titleZh, titleEn, bodyZh, bodyEn, categoryCode, departmentCode, validFrom, validTo };
}
