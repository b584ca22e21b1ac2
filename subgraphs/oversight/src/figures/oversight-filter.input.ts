import { Field, InputType } from 'type-graphql';
import { Channel } from '../../../../schema/enums';

@InputType({ description: 'Cut the figures to some categories, channels or districts; an empty or absent list keeps all' })
export class OversightFilter {
  @Field(() => [String], { nullable: true, description: "Category codes of intake's catalogue" })
  categoryCodes?: string[] | null;

  @Field(() => [Channel], { nullable: true })
  channels?: Channel[] | null;

  @Field(() => [String], { nullable: true, description: 'District codes as intake records them' })
  districts?: string[] | null;
}

export const isFiltered = (filter: OversightFilter | null | undefined): filter is OversightFilter =>
  Boolean(filter?.categoryCodes?.length || filter?.channels?.length || filter?.districts?.length);
