import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An exported report: a whole file in one string, to save as `filename`' })
export class ReportFile {
  @Field(() => String, { description: 'e.g. monthly-bulletin-2026-11.html; a department\'s or the press seat\'s copy says so (…-water.csv, …-press.html)' })
  filename: string;

  @Field(() => String, { description: 'text/csv; charset=utf-8 or text/html; charset=utf-8' })
  contentType: string;

  @Field(() => String, { description: 'The file itself: CSV (with a UTF-8 byte-order mark, for spreadsheets) or a self-contained HTML page' })
  content: string;

  @Field(() => Date, { description: 'When the figures were read' })
  generatedAt: Date;
}
