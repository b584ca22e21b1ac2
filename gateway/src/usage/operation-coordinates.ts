import { type DocumentNode, type GraphQLSchema, Kind, type OperationDefinitionNode, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

/**
 * The schema coordinates (`Type.field`) an operation selects, sorted: what the
 * registry needs to tell a breaking change that hurts a client from one that
 * hurts no one. Fields are named on the type they are selected on (an
 * interface field as the interface's); introspection fields are left out.
 */
export function fieldCoordinates(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const coordinates = new Set<string>();
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (parent && !node.name.value.startsWith('__')) coordinates.add(`${parent.name}.${node.name.value}`);
    },
  });
  // validation refuses unused fragments, so every fragment here serves some operation of the document
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return [...coordinates].sort();
}
