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

  @Field(() => [String])
  warnings: string[];

  @Field(() => [String])
  contractViolations: string[];
}

export function checkResult(parts: Partial<Omit<CheckResult, 'ok'>>): CheckResult {
  const result = Object.assign(new CheckResult(), { compositionErrors: [], breakingChanges: [], warnings: [], contractViolations: [], ...parts });
  result.ok = result.compositionErrors.length === 0 && result.contractViolations.length === 0;
  return result;
}
