import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { buildAdminSchema } from '../../registry/src/api/admin-api';
import { CLIENT_SCHEMA_FILE } from '../../schema/client/client-schema';
import { mutationStyleOffences } from '../support/mutation-style';

describe('every mutation takes one `input: XInput!` and answers a non-null `XPayload`', () => {
  it('holds for the public API (the client schema)', () => {
    const schema = buildSchema(fs.readFileSync(CLIENT_SCHEMA_FILE, 'utf8'));
    expect(Object.keys(schema.getMutationType()!.getFields()).length).toBeGreaterThanOrEqual(38);
    expect(mutationStyleOffences(schema)).toEqual([]);
  });

  it("holds for the registry's admin API", async () => {
    const schema = await buildAdminSchema();
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(['checkSubgraph', 'publishSubgraph', 'removeSubgraph', 'rollbackSubgraph']);
    expect(mutationStyleOffences(schema)).toEqual([]);
  });

  it('names each mutation that breaks the rule, and how', () => {
    const schema = buildSchema(`
      type Query { ok: Boolean }
      type Thing { id: ID! }
      input GoodInput { id: ID! }
      type GoodPayload { thing: Thing! }
      type Mutation {
        good(input: GoodInput!): GoodPayload!
        loose(id: ID!, reason: String): LoosePayload!
        nullableInput(input: GoodInput): NullableInputPayload!
        scalarInput(input: String!): ScalarInputPayload!
        bare(input: GoodInput!): Thing!
        nullablePayload(input: GoodInput!): NullablePayloadPayload
      }
      type LoosePayload { thing: Thing! }
      type NullableInputPayload { thing: Thing! }
      type ScalarInputPayload { thing: Thing! }
      type NullablePayloadPayload { thing: Thing! }`);
    expect(mutationStyleOffences(schema)).toEqual([
      'loose(id, reason): takes other arguments than one `input`',
      'nullableInput: input is GoodInput, not a non-null input object',
      'scalarInput: input is String!, not a non-null input object',
      'bare: returns Thing!, not BarePayload!',
      'nullablePayload: returns NullablePayloadPayload, not NullablePayloadPayload!',
    ]);
  });
});
