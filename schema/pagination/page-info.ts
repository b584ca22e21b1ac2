import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * Relay's PageInfo, one type for every connection of the federation: a value
 * type (no key, no resolvers of its own) that each subgraph with a list
 * declares identically and marks @shareable, so composition merges them into
 * one and clients write one fragment for all lists.
 */
@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections)' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow endCursor (asked with first/after); with last/before: true when before was given' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'More items come before startCursor (asked with last/before); with first/after: true when after was given' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null on an empty page" })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor; null on an empty page" })
  endCursor: string | null;
}
