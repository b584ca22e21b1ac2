import type { HopKeys } from '../../../schema/identity/hop-keys';
import { postGraphQL } from '../http/signed-graphql';
import { type CheckOutcome, failure, success } from './check-outcome';
import { CENTRE_SUBGRAPHS } from './contract-check';

const CATALOGUE = 'query RegistryDepartmentCatalogue { departments { code } }';

export interface CatalogueSource {
  /** intake's base URL; a function because tests learn it after start-up */
  intakeUrl: () => string;
  hopKeys: HopKeys;
}

/**
 * A department subgraph must belong to a department in intake's catalogue
 * (the centre dispatches only to those; a department retired from it is no
 * longer listed). Intake is the source of truth, so it is asked each time; when
 * it cannot answer the change is refused as retryable, never let through blind.
 */
export async function checkDepartmentInCatalogue(candidate: { name: string; department: string }, source: CatalogueSource): Promise<CheckOutcome> {
  if (CENTRE_SUBGRAPHS.has(candidate.name)) return success;
  const url = `${source.intakeUrl().replace(/\/+$/, '')}/graphql`;
  let codes: string[];
  try {
    const answer = await postGraphQL(url, 'intake', CATALOGUE, source.hopKeys);
    const departments = answer.body?.data?.departments as { code: string }[] | undefined;
    if (answer.status !== 200 || !Array.isArray(departments)) {
      const why = answer.body?.errors?.map((error) => error.message).join('; ') || `HTTP ${answer.status}`;
      throw new Error(why);
    }
    codes = departments.map((department) => department.code);
  } catch (error) {
    return failure(`could not read the department catalogue from intake at ${url} (${(error as Error).message}); nothing changed, try again when intake answers`);
  }
  if (codes.includes(candidate.department)) return success;
  return failure(`department "${candidate.department}" is not an active department in intake's catalogue; ask the centre's system administrator to add it (saveDepartment) before publishing`);
}
