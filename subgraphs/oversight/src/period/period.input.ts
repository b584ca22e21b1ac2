import { Field, InputType, registerEnumType } from 'type-graphql';

export enum PeriodKind {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
  CUSTOM = 'CUSTOM',
}
registerEnumType(PeriodKind, {
  name: 'PeriodKind',
  description: "A reporting period in the city's local days",
  valuesConfig: {
    WEEK: { description: '周报告: Monday to Sunday' },
    MONTH: { description: '月通报: a calendar month' },
    QUARTER: { description: '季排名: January–March, April–June, July–September, October–December' },
    YEAR: { description: 'a calendar year' },
    CUSTOM: { description: 'whole weeks (Monday to Sunday) or whole months, from `date` to `until`' },
  },
});

@InputType({ description: 'Which local days the figures cover; the previous period is the one of the same length just before' })
export class PeriodInput {
  @Field(() => PeriodKind)
  kind: PeriodKind;

  @Field(() => String, { description: 'A local date, YYYY-MM-DD, inside the period; for CUSTOM its first day (a Monday or the 1st of a month)' })
  date: string;

  @Field(() => String, { nullable: true, description: 'CUSTOM only: the last day, YYYY-MM-DD (a Sunday, or the last day of a month)' })
  until?: string | null;
}
