import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { hasRole, Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { contentOf } from './article-content';
import { KnowledgeArticleInput } from './knowledge-article.input';
import { DraftStatus, KnowledgeDraft } from './knowledge-draft.entity';
import { proposeDraft, reviewDraft } from './knowledge-drafts';

const REVIEWERS = [Role.SUPERVISOR, Role.SYSTEM_ADMIN];

/** Departments keep their own knowledge; the centre reviews it before operators read it out. */
@Resolver(() => KnowledgeDraft)
export class KnowledgeDraftResolver {
  @Authorized(Role.DEPARTMENT_ADMIN)
  @Mutation(() => KnowledgeDraft, { description: "Propose an article of your department, or a revision of one (input.id): it waits for the centre's review" })
  proposeKnowledgeArticle(@Arg('input', () => KnowledgeArticleInput) input: KnowledgeArticleInput, @Ctx() context: IntakeContext): Promise<KnowledgeDraft> {
    return proposeDraft(context, contentOf(input), input.id ?? null);
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => KnowledgeDraft, { description: 'Publish a department draft (a new version operators read from now on) or reject it with a note' })
  reviewKnowledgeDraft(
    @Arg('id', () => ID) id: string,
    @Arg('publish', () => Boolean) publish: boolean,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() context: IntakeContext,
  ): Promise<KnowledgeDraft> {
    return reviewDraft(context, id, publish, note);
  }

  @Authorized(...REVIEWERS, Role.DEPARTMENT_ADMIN)
  @Query(() => [KnowledgeDraft], { description: "Drafts by status (PENDING: the reviewers' queue); a department administrator sees their department's" })
  knowledgeDrafts(@Arg('status', () => DraftStatus, { defaultValue: DraftStatus.PENDING }) status: DraftStatus, @Ctx() context: IntakeContext): Promise<KnowledgeDraft[]> {
    const own = hasRole(context.actor, ...REVIEWERS) ? {} : { departmentCode: context.actor.department ?? '' };
    return context.dataSource.getRepository(KnowledgeDraft).find({ where: { status, ...own }, order: { proposedAt: 'ASC' }, take: 200 });
  }
}
