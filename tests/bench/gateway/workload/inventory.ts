import type { StubSubgraph } from './stub-subgraph';

const IN_STOCK = new Set(['1', '2', '4', '6']);

interface ProductReference {
  upc: string;
  price?: number;
  weight?: number;
}

export const inventory: StubSubgraph = {
  name: 'inventory',
  typeDefs: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }
  `,
  resolvers: {
    Product: {
      __resolveReference: (reference: ProductReference) => reference,
      inStock: ({ upc }: ProductReference) => IN_STOCK.has(upc),
      // free above 1000, otherwise half a unit per unit of weight: the @requires the planner has to fetch first
      shippingEstimate: ({ price, weight }: ProductReference) => ((price ?? 0) > 1000 ? 0 : Math.round((weight ?? 0) * 0.5)),
    },
  },
};
