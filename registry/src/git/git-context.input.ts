import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** Which commit a check or publish came from; the CLI fills it from the CI's variables or git. */
@InputType('GitContextInput')
export class GitContextInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  commit?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  branch?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  author?: string | null;
}

/** The columns a version and a stored check keep it in. */
export const gitColumns = (git: GitContextInput | null | undefined) => ({ gitCommit: git?.commit ?? null, gitBranch: git?.branch ?? null, gitAuthor: git?.author ?? null });
