import { getNamedType, type GraphQLSchema, isInputObjectType, isNonNullType, isObjectType } from 'graphql';

const pascal = (name: string) => name[0].toUpperCase() + name.slice(1);

/**
 * Every mutation takes one argument, `input: SomeInput!`, and answers a
 * non-null `<Name>Payload` object, so a client adds a field to an input or a
 * payload without breaking any caller. Returns one line per offence, naming
 * the mutation; none when the schema keeps the rule.
 */
export function mutationStyleOffences(schema: GraphQLSchema): string[] {
  const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
  return fields.flatMap((field) => {
    const offences: string[] = [];
    const [argument, ...others] = field.args;
    if (!argument || argument.name !== 'input' || others.length > 0) {
      offences.push(`${field.name}(${field.args.map((a) => a.name).join(', ')}): takes other arguments than one \`input\``);
    } else if (!isNonNullType(argument.type) || !isInputObjectType(argument.type.ofType)) {
      offences.push(`${field.name}: input is ${argument.type}, not a non-null input object`);
    }
    const payload = `${pascal(field.name)}Payload`;
    if (!isNonNullType(field.type) || !isObjectType(field.type.ofType) || getNamedType(field.type).name !== payload) {
      offences.push(`${field.name}: returns ${field.type}, not ${payload}!`);
    }
    return offences;
  });
}
