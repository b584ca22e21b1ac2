import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Category } from '../category/category.entity';
import type { IntakeContext } from '../context';
import { Department } from './department.entity';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'The departments 12345 dispatches to' })
  departments(
    @Ctx() context: IntakeContext,
    @Arg('federatedOnly', () => Boolean, { defaultValue: false }) federatedOnly = false,
  ): Promise<Department[]> {
    return context.dataSource.getRepository(Department).find({
      where: federatedOnly ? { federated: true } : {},
      order: { code: 'ASC' },
    });
  }

  @Query(() => [Category], { description: 'The request categories an operator chooses from' })
  categories(@Ctx() context: IntakeContext): Promise<Category[]> {
    return context.dataSource.getRepository(Category).find({ order: { code: 'ASC' } });
  }
}
