import type { Department } from './department.type';

/** The code is all oversight needs: its figures are keyed by it. */
export function resolveDepartmentReference(reference: Department): Department {
  return { code: reference.code };
}
