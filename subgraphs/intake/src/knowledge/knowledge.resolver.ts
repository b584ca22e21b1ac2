import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import { inTransaction } from '../../../../schema/database/transaction';
import { CENTRE_READERS, DEPARTMENT_ROLES, Role } from '../../../../schema/identity/roles';
import { Category } from '../category/category.entity';
import type { IntakeContext } from '../context';
import { Department } from '../department/department.entity';
import { isValidAt, KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleInput } from './knowledge-article.input';
import { contentOf } from './article-content';
import { KnowledgeArticleVersion } from './article-version.entity';
import { SaveKnowledgeArticlePayload } from './knowledge.payload';
import { publishArticle } from './publish-article';
import { DEFAULT_RESULTS, searchArticles } from './knowledge-search';

/** The centre's staff and the departments; citizens will get a public FAQ of their own. */
const KNOWLEDGE_READERS = [...CENTRE_READERS, ...DEPARTMENT_ROLES];

@Resolver(() => KnowledgeArticle)
export class KnowledgeResolver {
  @Authorized(...KNOWLEDGE_READERS)
  @Query(() => [KnowledgeArticle], { description: 'Search the knowledge base: every word must match; title matches first' })
  knowledgeArticles(
    @Ctx() context: IntakeContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('categoryCode', () => String, { nullable: true }) categoryCode?: string | null,
    @Arg('departmentCode', () => String, { nullable: true }) departmentCode?: string | null,
    @Arg('includeExpired', () => Boolean, { nullable: true, defaultValue: false }) includeExpired?: boolean | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_RESULTS }) first?: number | null,
  ): Promise<KnowledgeArticle[]> {
    return searchArticles(context.dataSource, { text: search, categoryCode, departmentCode, includeExpired, first });
  }

  @Authorized(...KNOWLEDGE_READERS)
  @Query(() => KnowledgeArticle, { nullable: true, description: 'One article, expired or not' })
  knowledgeArticle(@Arg('id', () => ID) id: string, @Ctx() context: IntakeContext): Promise<KnowledgeArticle | null> {
    return context.dataSource.getRepository(KnowledgeArticle).findOneBy({ id });
  }

  /** Supervisors keep the answers operators read out; operators only read them. */
  @Authorized(Role.SUPERVISOR, Role.SYSTEM_ADMIN)
  @Mutation(() => SaveKnowledgeArticlePayload, { description: 'Add an article (no id) or revise one (with its id)' })
  async saveKnowledgeArticle(
    @Arg('input', () => KnowledgeArticleInput) input: KnowledgeArticleInput,
    @Ctx() context: IntakeContext,
  ): Promise<SaveKnowledgeArticlePayload> {
    const { dataSource } = context;
    if (input.categoryCode && !(await dataSource.getRepository(Category).existsBy({ code: input.categoryCode }))) {
      throw new BadInputError(`unknown category ${input.categoryCode}`, 'categoryCode');
    }
    if (input.departmentCode && !(await dataSource.getRepository(Department).existsBy({ code: input.departmentCode }))) {
      throw new BadInputError(`unknown department ${input.departmentCode}`, 'departmentCode');
    }
    const article = await inTransaction(dataSource, (manager) => publishArticle(manager, contentOf(input), { publishedBy: context.actor.id }, input.id));
    return { article };
  }

  @FieldResolver(() => [KnowledgeArticleVersion], { description: 'Every published version, newest first' })
  versions(@Root() article: KnowledgeArticle, @Ctx() context: IntakeContext): Promise<KnowledgeArticleVersion[]> {
    return context.dataSource.getRepository(KnowledgeArticleVersion).find({ where: { articleId: article.id }, order: { version: 'DESC' } });
  }

  @FieldResolver(() => Boolean, { description: 'Whether the article is in force right now' })
  valid(@Root() article: KnowledgeArticle): boolean {
    return isValidAt(article, new Date());
  }
}
