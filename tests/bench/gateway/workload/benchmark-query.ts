/**
 * The public gateway benchmark's operation: fragments, entity fetches four
 * levels deep across all four subgraphs, a @requires (shippingEstimate needs
 * price and weight from products) and a @provides (a review's author's username).
 */
export const BENCHMARK_QUERY = /* GraphQL */ `
  fragment User on User { id username name }
  fragment Review on Review { id body }
  fragment Product on Product { inStock name price shippingEstimate upc weight }
  query TestQuery {
    users {
      ...User
      reviews {
        ...Review
        product {
          ...Product
          reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
        }
      }
    }
    topProducts {
      ...Product
      reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
    }
  }
`;
