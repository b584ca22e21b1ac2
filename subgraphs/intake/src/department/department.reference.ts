import type { IntakeContext } from '../context';
import type { Department } from './department.entity';

/** How the gateway turns `{ __typename: "Department", code }` from another subgraph into the department. */
export function resolveDepartmentReference(reference: Pick<Department, 'code'>, context: IntakeContext): Promise<Department | null> {
  return context.loaders.departmentByCode.load(reference.code);
}
