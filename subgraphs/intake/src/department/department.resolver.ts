import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { IntakeContext } from '../context';
import { Department } from './department.entity';

@Resolver(() => Department)
export class DepartmentResolver {
  @Authorized()
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
}
