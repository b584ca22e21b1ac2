import { Field, ObjectType } from 'type-graphql';
import { Category } from './category.entity';

@ObjectType()
export class SaveCategoryPayload {
  @Field(() => Category)
  category: Category;
}
