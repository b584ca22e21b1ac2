import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { BadInputError } from '../../../../schema/errors';
import { KnowledgeArticle } from './knowledge-article.entity';

export const DEFAULT_RESULTS = 10;
export const MAX_RESULTS = 50;
/** Each term costs four LIKE scans; an operator mid-call types a few words, not a paragraph. */
export const MAX_TERMS = 8;
export const MAX_SEARCH_LENGTH = 200;

export interface ArticleSearch {
  text?: string | null;
  categoryCode?: string | null;
  departmentCode?: string | null;
  includeExpired?: boolean | null;
  first?: number | null;
  /** The moment "valid" is judged at: the present unless a caller pins it. */
  now?: Date;
}

const TITLES = ['a.titleZh', 'a.titleEn'];
const BODIES = ['a.bodyZh', 'a.bodyEn'];

/**
 * `!` rather than `\` as the LIKE escape: MySQL reads a backslash in a string
 * literal as an escape of its own, SQLite does not, and `!` means the same to both.
 */
function likePattern(term: string): string {
  return `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** lower() on both sides: SQLite's LIKE folds ASCII only by default, MariaDB's depends on the collation. */
function anyColumnLike(columns: string[], parameter: string): string {
  return `(${columns.map((c) => `lower(${c}) LIKE lower(:${parameter}) ESCAPE '!'`).join(' OR ')})`;
}

function searchTerms(text: string | null | undefined): string[] {
  if (text && text.length > MAX_SEARCH_LENGTH) throw new BadInputError(`search must be at most ${MAX_SEARCH_LENGTH} characters`, 'search');
  const terms = [...new Set((text ?? '').trim().split(/\s+/).filter(Boolean))];
  if (terms.length > MAX_TERMS) throw new BadInputError(`search takes at most ${MAX_TERMS} words`, 'search');
  return terms;
}

/**
 * What an operator looks up during a call: every word must appear somewhere
 * (either title, either body, either language). One SQL statement whatever
 * the number of words; articles with more words in a title come first, then
 * the most recently updated.
 */
export function searchArticles(dataSource: DataSource, search: ArticleSearch): Promise<KnowledgeArticle[]> {
  const first = search.first ?? DEFAULT_RESULTS;
  if (!Number.isInteger(first) || first < 1 || first > MAX_RESULTS) {
    throw new BadInputError(`first must be between 1 and ${MAX_RESULTS}`, 'first');
  }
  const terms = searchTerms(search.text);
  const query = dataSource.getRepository(KnowledgeArticle).createQueryBuilder('a');
  if (search.categoryCode) query.andWhere('a.categoryCode = :categoryCode', { categoryCode: search.categoryCode });
  if (search.departmentCode) query.andWhere('a.departmentCode = :departmentCode', { departmentCode: search.departmentCode });
  if (!search.includeExpired) validNow(query, search.now ?? new Date());
  const parameters = Object.fromEntries(terms.map((term, i) => [`term${i}`, likePattern(term)]));
  for (const name of Object.keys(parameters)) query.andWhere(anyColumnLike([...TITLES, ...BODIES], name));
  if (terms.length > 0) {
    const titleHits = Object.keys(parameters).map((name) => `CASE WHEN ${anyColumnLike(TITLES, name)} THEN 1 ELSE 0 END`);
    query.addSelect(`(${titleHits.join(' + ')})`, 'title_hits').orderBy('title_hits', 'DESC');
  }
  return query
    .setParameters(parameters)
    .addOrderBy('a.updatedAt', 'DESC')
    .addOrderBy('a.id', 'ASC')
    .limit(first)
    .getMany();
}

function validNow(query: SelectQueryBuilder<KnowledgeArticle>, now: Date): void {
  query.andWhere('a.validFrom <= :now', { now }).andWhere(
    new Brackets((valid) => valid.where('a.validTo IS NULL').orWhere('a.validTo > :now', { now })),
  );
}
