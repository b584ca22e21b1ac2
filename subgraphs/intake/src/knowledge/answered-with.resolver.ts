import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { IntakeContext } from '../context';
import { Ticket } from '../ticket/ticket.entity';
import { KnowledgeArticle } from './knowledge-article.entity';

@Resolver(() => Ticket)
export class AnsweredWithResolver {
  @FieldResolver(() => KnowledgeArticle, { nullable: true, description: 'The knowledge-base article the operator answered from' })
  answeredWith(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<KnowledgeArticle | null> | null {
    return ticket.answeredArticleId ? context.loaders.articleById.load(ticket.answeredArticleId) : null;
  }
}
