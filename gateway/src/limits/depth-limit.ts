import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext } from 'graphql';
import { ErrorCode } from '../../../schema/errors';
import { limitError } from './limit-error';

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') {
      if (selection.name.value.startsWith('__')) continue; // introspection has its own, fixed shape
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === 'InlineFragment') {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
      // a fragment spread inside itself is invalid anyway; `seen` keeps us from looping on it
      deepest = Math.max(deepest, depthOf(fragments[selection.name.value].selectionSet, fragments, new Set([...seen, selection.name.value])));
    }
  }
  return deepest;
}

/** Refuses operations nested deeper than `maxDepth` fields (QUERY_TOO_DEEP). */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = Object.fromEntries(
      context.getDocument().definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
    );
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, fragments, new Set());
        if (depth > maxDepth) context.reportError(limitError(ErrorCode.QUERY_TOO_DEEP, `the operation is ${depth} fields deep; the limit is ${maxDepth}`, { depth, maxDepth }));
      },
    };
  };
}
