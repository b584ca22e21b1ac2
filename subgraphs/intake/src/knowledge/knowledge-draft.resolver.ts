import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { hasRole, Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { contentOf } from './article-content';
import { KnowledgeArticleInput } from './knowledge-article.input';
import { DraftStatus, KnowledgeDraft } from './knowledge-draft.entity';
import { proposeDraft, reviewDraft } from './knowledge-drafts';
import { ProposeKnowledgeArticlePayload, ReviewKnowledgeDraftPayload } from './knowledge.payload';
import { ReviewKnowledgeDraftInput } from './review-knowledge-draft.input';

const REVIEWERS = [Role.SUPERVISOR, Role.SYSTEM_ADMIN];

/** Departments keep their own knowledge; the centre reviews it before operators read it out. */
@Resolver(() => KnowledgeDraft)
export class KnowledgeDraftResolver {
  @Authorized(Role.DEPARTMENT_ADMIN)
  @Mutation(() => ProposeKnowledgeArticlePayload, { description: "Propose an article of your department, or a revision of one (input.id): it waits for the centre's review" })
  async proposeKnowledgeArticle(@Arg('input', () => KnowledgeArticleInput) input: KnowledgeArticleInput, @Ctx() context: IntakeContext): Promise<ProposeKnowledgeArticlePayload> {
    return { draft: await proposeDraft(context, contentOf(input), input.id ?? null) };
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => ReviewKnowledgeDraftPayload, { description: 'Publish a department draft (a new version operators read from now on) or reject it with a note' })
  async reviewKnowledgeDraft(@Arg('input', () => ReviewKnowledgeDraftInput) input: ReviewKnowledgeDraftInput, @Ctx() context: IntakeContext): Promise<ReviewKnowledgeDraftPayload> {
    return { draft: await reviewDraft(context, input.id, input.publish, input.note ?? null) };
  }

  @Authorized(...REVIEWERS, Role.DEPARTMENT_ADMIN)
  @Query(() => [KnowledgeDraft], { description: "Drafts by status (PENDING: the reviewers' queue); a department administrator sees their department's" })
  knowledgeDrafts(@Arg('status', () => DraftStatus, { defaultValue: DraftStatus.PENDING }) status: DraftStatus, @Ctx() context: IntakeContext): Promise<KnowledgeDraft[]> {
    const own = hasRole(context.actor, ...REVIEWERS) ? {} : { departmentCode: context.actor.department ?? '' };
    return context.dataSource.getRepository(KnowledgeDraft).find({ where: { status, ...own }, order: { proposedAt: 'ASC' }, take: 200 });
  }
}
