import { Field, ObjectType } from 'type-graphql';
import { Department } from './department.entity';

@ObjectType()
export class DepartmentPayload {
  @Field(() => Department)
  department: Department;
}

@ObjectType()
export class SaveDepartmentPayload extends DepartmentPayload {}

@ObjectType()
export class RetireDepartmentPayload extends DepartmentPayload {}
