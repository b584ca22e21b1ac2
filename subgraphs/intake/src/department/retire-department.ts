import { In } from 'typeorm';
import { ACTIVE_ASSIGNMENT_STATUSES } from '../../../../schema/enums';
import { ConflictError, NotFoundError } from '../../../../schema/errors';
import { inTransaction } from '../../../../schema/database/transaction';
import { Assignment } from '../assignment/assignment.entity';
import { Category } from '../category/category.entity';
import type { IntakeContext } from '../context';
import { Department } from './department.entity';

/**
 * Takes a department out of the catalogue without losing its history: its
 * tickets, assignments and figures stay, nothing new is dispatched to it, and
 * the registry refuses its subgraph from now on. Refused while it still has
 * work or categories route to it: those would be stranded.
 */
export function retireDepartment(context: IntakeContext, code: string): Promise<Department> {
  return inTransaction(context.dataSource, async (manager) => {
    const department = await manager.findOneBy(Department, { code });
    if (!department) throw new NotFoundError('Department', code);
    if (!department.active) return department;
    const open = await manager.countBy(Assignment, { departmentCode: code, status: In([...ACTIVE_ASSIGNMENT_STATUSES]) });
    if (open) throw new ConflictError(`${code} still has ${open} open assignment(s); let them finish or return them before retiring it`);
    const routed = await manager.findBy(Category, { departmentCode: code });
    if (routed.length) throw new ConflictError(`categories ${routed.map((category) => category.code).join(', ')} route to ${code}; give them another department first (saveCategory)`);
    Object.assign(department, { active: false, retiredAt: new Date() });
    await manager.save(Department, department);
    return department;
  });
}
