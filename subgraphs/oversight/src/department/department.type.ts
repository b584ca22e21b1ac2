import { Directive, Field, ObjectType } from 'type-graphql';

/** The centre's department (intake owns it); oversight adds its figures. */
@ObjectType()
@Directive('@key(fields: "code")')
export class Department {
  @Field(() => String)
  code: string;
}
