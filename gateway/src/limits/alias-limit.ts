import type { ASTVisitor, ValidationContext } from 'graphql';
import { ErrorCode } from '../../../schema/errors';
import { limitError } from './limit-error';

/** Refuses documents with more than `maxAliases` aliased fields: the cheap way to multiply work (TOO_MANY_ALIASES). */
export function aliasLimit(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(field) {
        if (!field.alias) return;
        aliases += 1;
        if (aliases > maxAliases && !reported) {
          reported = true;
          context.reportError(limitError(ErrorCode.TOO_MANY_ALIASES, `the document uses more than ${maxAliases} aliases`, { maxAliases }));
        }
      },
    };
  };
}
