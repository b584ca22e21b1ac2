import { Field, ObjectType } from 'type-graphql';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeDraft } from './knowledge-draft.entity';

@ObjectType()
export class SaveKnowledgeArticlePayload {
  @Field(() => KnowledgeArticle)
  article: KnowledgeArticle;
}

@ObjectType()
export class KnowledgeDraftPayload {
  @Field(() => KnowledgeDraft)
  draft: KnowledgeDraft;
}

@ObjectType()
export class ProposeKnowledgeArticlePayload extends KnowledgeDraftPayload {}

@ObjectType()
export class ReviewKnowledgeDraftPayload extends KnowledgeDraftPayload {}
