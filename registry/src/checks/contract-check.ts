import { type ConstDirectiveNode, type DocumentNode, Kind, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode, parse } from 'graphql';

/** The centre's own subgraphs; every other subgraph is a department's and signs the department contract. */
export const CENTRE_SUBGRAPHS = new Set(['intake', 'audit', 'oversight']);

type TicketNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

// a subgraph that does not @link-import a directive refers to it as `@federation__<name>`
const isDirective = (directive: ConstDirectiveNode, name: string) =>
  directive.name.value === name || directive.name.value === `federation__${name}`;

function ticketNodes(document: DocumentNode): TicketNode[] {
  return document.definitions.filter(
    (definition): definition is TicketNode =>
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && definition.name.value === 'Ticket',
  );
}

function keyedById(node: TicketNode): boolean {
  return (node.directives ?? []).some((directive) => {
    if (!isDirective(directive, 'key')) return false;
    const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
    return fields?.kind === Kind.STRING && fields.value.trim().replace(/\s+/g, ' ') === 'id';
  });
}

/**
 * The department contract: a department extends the centre's `Ticket` by its
 * key and adds exactly one view named after its department code (that is how
 * operators find it: `ticket { water { … } }`); whatever else of the ticket
 * it mentions must be the centre's fields marked @external, never its own
 * version of them. `intakeSdl` is null while intake is not registered yet.
 */
export function checkDepartmentContract(candidate: { name: string; department: string; sdl: string }, intakeSdl: string | null): string[] {
  if (CENTRE_SUBGRAPHS.has(candidate.name)) return [];
  let document: DocumentNode;
  try {
    document = parse(candidate.sdl);
  } catch {
    return []; // the composition check reports the syntax error
  }
  const tickets = ticketNodes(document);
  const violations: string[] = [];
  if (!tickets.some(keyedById)) violations.push(`a department subgraph must define \`type Ticket @key(fields: "id")\`; ${candidate.name} does not`);
  const fields = tickets.flatMap((node) => node.fields ?? []);
  if (!fields.some((field) => field.name.value === candidate.department)) {
    violations.push(`Ticket must have a field named after the department, \`Ticket.${candidate.department}\`; ${candidate.name} has none`);
  }
  const intakeFields = new Set(intakeSdl ? ticketNodes(parse(intakeSdl)).flatMap((node) => (node.fields ?? []).map((field) => field.name.value)) : []);
  for (const field of fields) {
    const name = field.name.value;
    if (name === 'id' || !intakeFields.has(name)) continue;
    if (!(field.directives ?? []).some((directive) => isDirective(directive, 'external'))) {
      violations.push(`Ticket.${name} belongs to intake; ${candidate.name} may only declare it @external`);
    }
  }
  return violations;
}
