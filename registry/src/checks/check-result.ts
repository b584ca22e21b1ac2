import { Field, ObjectType } from 'type-graphql';

@ObjectType('BreakingChange')
export class BreakingChange {
  @Field()
  message: string;

  /** Schema coordinate graphql-inspector names, e.g. `WaterTicketInfo.outages`. */
  @Field(() => String, { nullable: true })
  path: string | null;

  @Field(() => [String], { description: 'Client operations seen using `path` within the usage window' })
  usedBy: string[];
}

/** What a check found; `ok` says whether the change, as asked (with or without force), would go through. */
@ObjectType('CheckResult')
export class CheckResult {
  @Field()
  ok: boolean;

  @Field(() => [String])
  compositionErrors: string[];

  @Field(() => [BreakingChange])
  breakingChanges: BreakingChange[];

  @Field(() => [String], { description: 'The changes that break no client: dangerous (a new enum value…) or safe (a new field…), as graphql-inspector names them' })
  safeChanges: string[];

  @Field(() => [String])
  warnings: string[];

  @Field(() => [String])
  contractViolations: string[];

  @Field(() => [String], { description: "Why the department is not one intake's catalogue lists (or why the catalogue could not be read)" })
  catalogueViolations: string[];

  @Field(() => [String], { description: 'Why the subgraph at its routing URL is not the one published (publish only; a check does not probe)' })
  serviceViolations: string[];
}

export function checkResult(parts: Partial<Omit<CheckResult, 'ok'>>): CheckResult {
  const result = Object.assign(new CheckResult(), {
    compositionErrors: [],
    breakingChanges: [],
    safeChanges: [],
    warnings: [],
    contractViolations: [],
    catalogueViolations: [],
    serviceViolations: [],
    ...parts,
  });
  const refusals = [result.compositionErrors, result.contractViolations, result.catalogueViolations, result.serviceViolations];
  result.ok = refusals.every((list) => list.length === 0);
  return result;
}
