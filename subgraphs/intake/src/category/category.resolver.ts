import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import { forgetReferenceRows } from '../../../../schema/database/reference-rows';
import { Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { Department } from '../department/department.entity';
import { Category } from './category.entity';
import { CategoryInput } from './category.input';
import { SaveCategoryPayload } from './category.payload';

@Resolver(() => Category)
export class CategoryResolver {
  @Authorized()
  @Query(() => [Category], { description: 'The request categories an operator chooses from' })
  categories(@Ctx() context: IntakeContext): Promise<Category[]> {
    return context.dataSource.getRepository(Category).find({ order: { code: 'ASC' } });
  }

  /** The catalogue is the system administrators' to keep; operators choose from it. */
  @Authorized(Role.SYSTEM_ADMIN)
  @Mutation(() => SaveCategoryPayload, { description: 'Add a category or rename one' })
  async saveCategory(@Arg('input', () => CategoryInput) input: CategoryInput, @Ctx() context: IntakeContext): Promise<SaveCategoryPayload> {
    const repository = context.dataSource.getRepository(Category);
    if (input.departmentCode && !(await context.dataSource.getRepository(Department).existsBy({ code: input.departmentCode, active: true }))) {
      throw new BadInputError(`unknown or retired department ${input.departmentCode}`, 'departmentCode');
    }
    const category = repository.create({ ...input, departmentCode: input.departmentCode ?? null });
    await repository.save(category);
    forgetReferenceRows(context.dataSource, Category);
    return { category };
  }
}
