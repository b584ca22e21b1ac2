import fs from 'node:fs';
import path from 'node:path';
import { type FieldNode, Kind, type OperationTypeNode, parse, print, valueFromASTUntyped } from 'graphql';

export const README_PATH = path.resolve(__dirname, '../../README.md');

/** One GraphQL example of the README, its placeholders (`"<id>"`, `"<endCursor>"`) left in. */
export interface ReadmeExample {
  /** Where it was written: a ```graphql block, the body of a curl command, or an inline `field(…)` span. */
  source: 'graphql block' | 'curl' | 'inline';
  /** The operation's type; null for an inline span, which the README writes without one. */
  operation: OperationTypeNode | null;
  /** The root field it calls, e.g. `dispatchTicket`. */
  rootField: string;
  /** The text to send; an inline span is a bare field call, which the caller wraps with its own selection. */
  text: string;
  /** The root field as parsed, for reading its literal arguments. */
  field: FieldNode;
}

const FENCE = /^```(\w*)\n([\s\S]*?)^```/gm;

/**
 * Every GraphQL example in the README, in the order it shows them, read at test
 * time so the tests follow the README when it changes. A ```graphql block may
 * hold several operations; each becomes one example (a document with two
 * anonymous operations is not executable as it stands).
 */
export function readmeExamples(markdown = fs.readFileSync(README_PATH, 'utf8')): ReadmeExample[] {
  const examples: { at: number; example: ReadmeExample }[] = [];
  for (const fence of markdown.matchAll(FENCE)) {
    const [, language, body] = fence;
    const texts = language === 'graphql' ? [body] : language === 'bash' ? curlQueries(body) : [];
    for (const text of texts) {
      for (const definition of parse(text).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const selection of definition.selectionSet.selections) {
          if (selection.kind !== Kind.FIELD) throw new Error(`README example has a fragment at its root: ${print(definition)}`);
          const source = language === 'graphql' ? 'graphql block' : 'curl';
          examples.push({ at: fence.index, example: { source, operation: definition.operation, rootField: selection.name.value, text: print(definition), field: selection } });
        }
      }
    }
  }
  // Inline spans outside the fences; signatures such as `answerTicket(id, answer)` do not parse and are not examples.
  const prose = markdown.replace(FENCE, (fence) => ' '.repeat(fence.length));
  for (const span of prose.matchAll(/`([A-Za-z_]\w*\([^`\n]*\))`/g)) {
    const field = parseFieldCall(span[1]);
    if (field) examples.push({ at: span.index, example: { source: 'inline', operation: null, rootField: field.name.value, text: span[1], field } });
  }
  return examples.sort((a, b) => a.at - b.at).map(({ example }) => example);
}

/** The GraphQL in each `curl … -d '{"query": …}'` of a shell block. */
function curlQueries(shell: string): string[] {
  return [...shell.matchAll(/-d '(\{[^']*\})'/g)].map((body) => JSON.parse(body[1]).query as string);
}

function parseFieldCall(text: string): FieldNode | null {
  try {
    const [definition] = parse(`{ ${text} }`).definitions;
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.selectionSet.selections.length !== 1) return null;
    const [field] = definition.selectionSet.selections;
    return field.kind === Kind.FIELD ? field : null;
  } catch {
    return null;
  }
}

/** Replaces each `"<name>"` placeholder with the value given for it (as a GraphQL literal); unknown ones throw. */
export function fillPlaceholders(text: string, values: Record<string, string | null>): string {
  return text.replace(/"<(\w+)>"/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`README example uses the placeholder <${name}>, which no earlier step provides: ${text}`);
    const value = values[name];
    return value === null ? 'null' : JSON.stringify(value);
  });
}

/** A literal argument of the example's root field as a plain value (placeholders stay strings), or undefined. */
export function literalArgument(example: ReadmeExample, name: string): unknown {
  const argument = example.field.arguments?.find((candidate) => candidate.name.value === name);
  return argument ? valueFromASTUntyped(argument.value) : undefined;
}
