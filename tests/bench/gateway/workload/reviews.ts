import type { StubSubgraph } from './stub-subgraph';

/** Bodies of a few hundred characters, as in the public workload: the response's size is part of the gateway's work. */
const body = (seed: number, length: number) => `Review ${seed}: ${'the product did what it said, and the delivery came on the day promised. '.repeat(12)}`.slice(0, length);

const REVIEWS = [
  { id: '1', productUpc: '1', authorId: '1', length: 440 },
  { id: '2', productUpc: '1', authorId: '2', length: 300 },
  { id: '3', productUpc: '1', authorId: '3', length: 280 },
  { id: '4', productUpc: '1', authorId: '4', length: 140 },
  { id: '5', productUpc: '2', authorId: '1', length: 440 },
  { id: '6', productUpc: '2', authorId: '2', length: 300 },
  { id: '7', productUpc: '2', authorId: '3', length: 280 },
  { id: '8', productUpc: '2', authorId: '4', length: 140 },
  { id: '9', productUpc: '3', authorId: '1', length: 140 },
  { id: '10', productUpc: '4', authorId: '2', length: 140 },
  { id: '11', productUpc: '4', authorId: '3', length: 880 },
].map((review) => ({ ...review, body: body(Number(review.id), review.length) }));

const USERNAMES: Record<string, string> = { '1': 'urigo', '2': 'dotansimha', '3': 'kamilkisiela', '4': 'ardatan' };

type Review = (typeof REVIEWS)[number];

export const reviews: StubSubgraph = {
  name: 'reviews',
  typeDefs: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@provides"])
    type Review @key(fields: "id") {
      id: ID!
      body: String
      author: User @provides(fields: "username")
      product: Product
    }
    type User @key(fields: "id") {
      id: ID!
      username: String @external
      reviews: [Review]
    }
    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review]
    }
  `,
  resolvers: {
    Review: {
      __resolveReference: ({ id }: { id: string }) => REVIEWS.find((review) => review.id === id) ?? null,
      author: (review: Review) => ({ id: review.authorId, username: USERNAMES[review.authorId] }),
      product: (review: Review) => ({ upc: review.productUpc }),
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      reviews: ({ id }: { id: string }) => REVIEWS.filter((review) => review.authorId === id),
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: ({ upc }: { upc: string }) => REVIEWS.filter((review) => review.productUpc === upc),
    },
  },
};
