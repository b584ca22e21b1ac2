import { type DocumentNode, visit } from 'graphql';

/** Aliased fields in the document: the cheap way to ask for the same expensive thing many times. */
export function countAliases(document: DocumentNode): number {
  let aliases = 0;
  visit(document, {
    Field(field) {
      if (field.alias) aliases += 1;
    },
  });
  return aliases;
}
