import type { StubSubgraph } from './stub-subgraph';

const USERS = [
  { id: '1', name: 'Uri Goldshtein', username: 'urigo', birthday: 1234567890 },
  { id: '2', name: 'Dotan Simha', username: 'dotansimha', birthday: 1234567890 },
  { id: '3', name: 'Kamil Kisiela', username: 'kamilkisiela', birthday: 1234567890 },
  { id: '4', name: 'Arda Tanrikulu', username: 'ardatan', birthday: 1234567890 },
];

const byId = (id: string) => USERS.find((user) => user.id === id) ?? null;

export const accounts: StubSubgraph = {
  name: 'accounts',
  typeDefs: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
    type Query {
      me: User
      user(id: ID!): User
      users: [User]
    }
    type User @key(fields: "id") {
      id: ID!
      name: String
      username: String @shareable
      birthday: Int
    }
  `,
  resolvers: {
    Query: { me: () => USERS[0], user: (_: unknown, { id }: { id: string }) => byId(id), users: () => USERS },
    User: { __resolveReference: ({ id }: { id: string }) => byId(id) },
  },
};
