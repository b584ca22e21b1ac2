/** A refusal or failure the CLI reports as it is, without a stack. */
export class CliError extends Error {}

interface GraphQLReply<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Calls the registry's admin API with the caller's bearer token; GraphQL errors become one readable CliError. */
export async function callRegistry<T>(registryUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${registryUrl.replace(/\/+$/, '')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new CliError(`the registry at ${registryUrl} is unreachable (${(error as Error).message})`);
  }
  const reply = (await response.json().catch(() => ({}))) as GraphQLReply<T>;
  if (reply.errors?.length) {
    throw new CliError(reply.errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('\n'));
  }
  if (!reply.data) throw new CliError(`the registry answered HTTP ${response.status} without data`);
  return reply.data;
}
