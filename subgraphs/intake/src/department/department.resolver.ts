import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import { forgetReferenceRows } from '../../../../schema/database/reference-rows';
import { Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { Department } from './department.entity';
import { DepartmentInput, RetireDepartmentInput } from './department.input';
import { RetireDepartmentPayload, SaveDepartmentPayload } from './department.payload';
import { retireDepartment } from './retire-department';

@Resolver(() => Department)
export class DepartmentResolver {
  @Authorized()
  @Query(() => [Department], { description: 'The departments 12345 dispatches to (retired ones only when asked)' })
  departments(
    @Ctx() context: IntakeContext,
    @Arg('federatedOnly', () => Boolean, { defaultValue: false }) federatedOnly = false,
    @Arg('includeRetired', () => Boolean, { defaultValue: false }) includeRetired = false,
  ): Promise<Department[]> {
    return context.dataSource.getRepository(Department).find({
      where: { ...(federatedOnly ? { federated: true } : {}), ...(includeRetired ? {} : { active: true }) },
      order: { code: 'ASC' },
    });
  }

  /** The catalogue is the system administrators' to keep: a department joins by an API call, not a code change. */
  @Authorized(Role.SYSTEM_ADMIN)
  @Mutation(() => SaveDepartmentPayload, { description: 'Add a department or change one (names, kind, subgraph, contact, district)' })
  async saveDepartment(@Arg('input', () => DepartmentInput) input: DepartmentInput, @Ctx() context: IntakeContext): Promise<SaveDepartmentPayload> {
    if (input.federated && !input.subgraph) throw new BadInputError('a federated department names its subgraph', 'subgraph');
    if (!input.federated && input.subgraph) throw new BadInputError('a department handled inside the centre has no subgraph', 'subgraph');
    const repository = context.dataSource.getRepository(Department);
    const existing = await repository.findOneBy({ code: input.code });
    const department = repository.create({
      ...existing,
      ...input,
      subgraph: input.subgraph ?? null,
      contact: input.contact ?? null,
      district: input.district ?? null,
      active: existing?.active ?? true,
      retiredAt: existing?.retiredAt ?? null,
    });
    await repository.save(department);
    forgetReferenceRows(context.dataSource, Department);
    return { department };
  }

  @Authorized(Role.SYSTEM_ADMIN)
  @Mutation(() => RetireDepartmentPayload, { description: 'Retire a department: its history stays, nothing new goes to it, the registry refuses its subgraph' })
  async retireDepartment(@Arg('input', () => RetireDepartmentInput) input: RetireDepartmentInput, @Ctx() context: IntakeContext): Promise<RetireDepartmentPayload> {
    const department = await retireDepartment(context, input.code);
    forgetReferenceRows(context.dataSource, Department);
    return { department };
  }
}
